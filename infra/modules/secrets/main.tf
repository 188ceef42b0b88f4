# Secret containers only: Terraform never sees the values. Operators write them with
# `aws secretsmanager put-secret-value` (docs/deploy.md), so they never land in the state.
# Rotation is a runbook procedure (docs/deploy.md#secrets-rotation): each of these needs a
# coordinated change elsewhere (JWT key overlap in the app, new Twilio / SMTP credentials
# issued by the provider), which a rotation Lambda cannot do on its own.

locals {
  secrets = merge(
    {
      jwt_private_key = {
        suffix      = "jwt-private-key"
        description = "Ed25519 private key (PKCS#8 PEM) signing access tokens: JWT_PRIVATE_KEY."
      }
      smtp = {
        suffix      = "smtp"
        description = "JSON {\"url\": \"smtps://user:pass@host:465\"}: SMTP_URL for e-mail notifications."
      }
      twilio = {
        suffix      = "twilio"
        description = "JSON {\"account_sid\", \"auth_token\", \"from\"}: TWILIO_* for SMS notifications."
      }
    },
    var.enable_admin_bootstrap ? {
      admin = {
        suffix      = "admin"
        description = "JSON {\"email\", \"password\"}: ADMIN_EMAIL / ADMIN_PASSWORD of the first admin."
      }
    } : {},
  )
}

resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:Rotated by the documented runbook; each rotation needs a coordinated step outside Secrets Manager (JWT key overlap, provider-issued Twilio/SMTP credentials).
  for_each = local.secrets

  name                    = "${var.name}/${each.value.suffix}"
  description             = each.value.description
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}
