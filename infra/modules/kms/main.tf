# One customer-managed key per purpose. The key policy delegates to IAM in this account and
# grants the AWS services that encrypt on our behalf only what they need, scoped to this
# account (and, for logs, to log groups in this region).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  root_statement = [{
    Sid       = "AccountAdministration"
    Effect    = "Allow"
    Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
    Action    = "kms:*"
    Resource  = "*"
  }]

  logs_statement = var.allow_cloudwatch_logs ? [{
    Sid       = "CloudWatchLogs"
    Effect    = "Allow"
    Principal = { Service = "logs.${var.region}.amazonaws.com" }
    Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    Resource  = "*"
    Condition = {
      ArnLike = {
        "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group:*"
      }
    }
  }] : []

  alarms_statement = var.allow_cloudwatch_alarms ? [{
    Sid       = "CloudWatchAlarmsToEncryptedSns"
    Effect    = "Allow"
    Principal = { Service = "cloudwatch.amazonaws.com" }
    Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
    Resource  = "*"
    Condition = {
      StringEquals = { "aws:SourceAccount" = local.account_id }
    }
  }] : []
}

resource "aws_kms_key" "this" {
  description             = "${var.name} ${var.purpose} encryption key"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = var.deletion_window_in_days
  is_enabled              = true

  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = concat(local.root_statement, local.logs_statement, local.alarms_statement)
  })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}-${var.purpose}"
  target_key_id = aws_kms_key.this.key_id
}
