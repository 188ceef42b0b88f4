variable "name" {
  description = "Name prefix for every network resource (e.g. btg-prod)."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC. Public subnets take /24s 0-1 of it, private subnets /24s 10-11."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zones" {
  description = "Exactly two availability zones to spread the subnets over (e.g. [\"us-east-1a\", \"us-east-1b\"])."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "Give exactly two availability zones."
  }
}

variable "single_nat_gateway" {
  description = "Use one NAT gateway for both private subnets (cheaper, loses egress if its AZ fails). Production should keep one per AZ."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the flow-log log group."
  type        = string
}

variable "log_retention_days" {
  description = "Retention, in days, of the VPC flow logs."
  type        = number
  default     = 365
}

variable "flow_log_traffic_type" {
  description = "Which traffic the flow logs record: ACCEPT, REJECT or ALL."
  type        = string
  default     = "ALL"
}
