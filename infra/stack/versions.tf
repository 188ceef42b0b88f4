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

  # Partial configuration: the state key comes from envs/<env>.s3.tfbackend and the bucket from
  # the command line, so one root serves every environment (docs/deploy.md, step 4).
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}
