variable "name" {
  description = "Name prefix of the secrets; each secret is called <name>/<purpose> (e.g. btg-prod/jwt-private-key)."
  type        = string
}

variable "kms_key_arn" {
  description = "ARN of the customer-managed KMS key that encrypts the secrets."
  type        = string
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored (0 deletes at once; 7-30 otherwise)."
  type        = number
  default     = 30
}

variable "enable_admin_bootstrap" {
  description = "Create the secret holding ADMIN_EMAIL / ADMIN_PASSWORD, from which the app creates the first admin at start-up."
  type        = bool
  default     = false
}
