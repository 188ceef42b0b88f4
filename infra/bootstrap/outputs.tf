output "state_bucket" {
  description = "Bucket for `terraform init -backend-config=bucket=...` in infra/envs/*."
  value       = aws_s3_bucket.state.id
}

output "state_kms_key_arn" {
  description = "KMS key encrypting the state bucket and the image repository."
  value       = aws_kms_key.bootstrap.arn
}

output "ecr_repository_url" {
  description = "Repository URL to tag and push the API image to (<url>:<tag> is the environments' image variable)."
  value       = aws_ecr_repository.api.repository_url
}
