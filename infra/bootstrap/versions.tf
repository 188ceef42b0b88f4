terraform {
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "6.38.0"
    }
  }

  # Local state on purpose: this root creates the bucket the other roots keep their state in.
  # Keep terraform.tfstate somewhere safe (or migrate it into the bucket afterwards).
}
