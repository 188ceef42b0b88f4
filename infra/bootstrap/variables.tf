variable "region" {
  description = "AWS region of the state bucket and the image repository (the environments' region)."
  type        = string
  default     = "us-east-1"
}

variable "state_bucket_name" {
  description = "Globally unique name of the S3 bucket that holds the Terraform state of every environment."
  type        = string
}

variable "ecr_repository_name" {
  description = "Name of the ECR repository the API image is pushed to."
  type        = string
  default     = "btg-funds-api"
}

variable "images_to_keep" {
  description = "How many most recent images ECR keeps; older ones expire (keep enough to roll back)."
  type        = number
  default     = 50
}
