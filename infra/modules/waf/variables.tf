variable "name" {
  description = "Name prefix of the web ACL and its metrics (e.g. btg-prod)."
  type        = string
}

variable "rate_limit_per_5_minutes" {
  description = "Requests one client IP may make in any 5-minute window before WAF blocks it (the app has finer per-route limits)."
  type        = number
  default     = 2000
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the WAF log group."
  type        = string
}

variable "log_retention_days" {
  description = "Retention, in days, of the WAF logs."
  type        = number
  default     = 365
}

variable "anonymous_ip_count_only_rules" {
  description = "Rules of AWSManagedRulesAnonymousIpList that only count matches instead of blocking (AnonymousIPList, HostingProviderIPList)."
  type        = list(string)
  default     = ["HostingProviderIPList"]
}
