variable "name" {
  description = "Name prefix for the key alias (e.g. btg-prod). The alias becomes alias/<name>-<purpose>."
  type        = string
}

variable "purpose" {
  description = "What the key protects, used in the alias and description (e.g. platform, secrets)."
  type        = string
}

variable "region" {
  description = "AWS region the key lives in; scopes the CloudWatch Logs service principal."
  type        = string
}

variable "allow_cloudwatch_logs" {
  description = "Let CloudWatch Logs in this account and region encrypt log groups with the key."
  type        = bool
  default     = false
}

variable "allow_cloudwatch_alarms" {
  description = "Let CloudWatch alarms publish to SNS topics encrypted with the key."
  type        = bool
  default     = false
}

variable "deletion_window_in_days" {
  description = "Waiting period, in days, before a scheduled key deletion takes effect (7-30)."
  type        = number
  default     = 30
}
