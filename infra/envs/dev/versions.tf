terraform {
  # S3-native state locking (use_lockfile) needs Terraform 1.10 or later.
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "6.38.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "3.7.2"
    }
  }

  # Bucket and region come from `terraform init -backend-config=...` (docs/deploy.md).
  backend "s3" {
    key          = "btg-funds/dev/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
