variable "name" {
  description = "Name prefix for the load balancer and its resources (e.g. btg-prod). At most 20 characters: target group names are limited."
  type        = string

  validation {
    condition     = length(var.name) <= 20
    error_message = "Keep the name at 20 characters or fewer."
  }
}

variable "vpc_id" {
  description = "Id of the VPC the load balancer and target group live in."
  type        = string
}

variable "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC; the ALB may only send traffic to targets inside it."
  type        = string
}

variable "public_subnet_ids" {
  description = "Ids of the public subnets (two AZs) for the internet-facing load balancer."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate for the HTTPS listener (issued in the same region as the ALB)."
  type        = string
}

variable "ssl_policy" {
  description = "TLS negotiation policy of the HTTPS listener (TLS 1.2+ with forward-secret ciphers, TLS 1.3 preferred)."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"
}

variable "ingress_cidr_blocks" {
  description = "IPv4 CIDRs allowed to reach the listeners; the whole internet for a public API."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "app_port" {
  description = "Port the container listens on; the target group forwards to it."
  type        = number
  default     = 3000
}

variable "health_check_path" {
  description = "Path the target group probes; the readiness endpoint answers 200 only when storage answers."
  type        = string
  default     = "/health/ready"
}

variable "deregistration_delay" {
  description = "Seconds the ALB keeps draining in-flight requests from a target that is being stopped."
  type        = number
  default     = 30
}

variable "idle_timeout" {
  description = "Seconds a connection may stay idle before the ALB closes it."
  type        = number
  default     = 60
}

variable "deletion_protection" {
  description = "Refuse to delete the load balancer through the API (set false only to tear an environment down)."
  type        = bool
  default     = true
}

variable "access_log_retention_days" {
  description = "Days to keep ALB access logs in S3 before they expire."
  type        = number
  default     = 365
}

variable "force_destroy_logs" {
  description = "Allow Terraform to delete the access-log bucket even when it holds logs (tear-down of non-production environments)."
  type        = bool
  default     = false
}

variable "web_acl_arn" {
  description = "ARN of the regional WAFv2 web ACL to associate with the load balancer."
  type        = string
}

variable "internal_paths" {
  description = "Path patterns the HTTPS listener answers with 404 itself, never forwarding them (operational endpoints that are not public). At most 5."
  type        = list(string)
  default     = ["/metrics", "/metrics/*", "/api/v1/metrics", "/api/v1/metrics/*"]

  validation {
    condition     = length(var.internal_paths) >= 1 && length(var.internal_paths) <= 5
    error_message = "A listener rule condition takes 1 to 5 path patterns."
  }
}
