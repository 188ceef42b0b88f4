output "jwt_private_key_secret_arn" {
  description = "ARN of the secret holding the JWT signing key (plain PEM string)."
  value       = aws_secretsmanager_secret.this["jwt_private_key"].arn
}

output "smtp_secret_arn" {
  description = "ARN of the secret holding the SMTP settings (JSON with key url)."
  value       = aws_secretsmanager_secret.this["smtp"].arn
}

output "twilio_secret_arn" {
  description = "ARN of the secret holding the Twilio settings (JSON with keys account_sid, auth_token, from)."
  value       = aws_secretsmanager_secret.this["twilio"].arn
}

output "admin_secret_arn" {
  description = "ARN of the secret holding the first admin's credentials (JSON with keys email, password), or null when disabled."
  value       = var.enable_admin_bootstrap ? aws_secretsmanager_secret.this["admin"].arn : null
}

output "secret_names" {
  description = "Names of all secrets created here, for the runbook's put-secret-value commands."
  value       = { for k, s in aws_secretsmanager_secret.this : k => s.name }
}
