# The dev environment. Every other variable keeps its default (variables.tf: production-grade).
#   terraform init -reconfigure -backend-config=envs/dev.s3.tfbackend -backend-config="bucket=<state_bucket>"
#   terraform plan -var-file=envs/dev.tfvars
# Replace the placeholders (account 111111111111) with real values before applying.

environment = "dev"
vpc_cidr    = "10.40.0.0/16"

certificate_arn = "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
image           = "111111111111.dkr.ecr.us-east-1.amazonaws.com/btg-funds-api:0.1.0"
cors_origins    = "https://dev.btg-funds.example.com"
smtp_from       = "BTG Fondos <no-reply@dev.btg-funds.example.com>"

# Smaller and cheaper than production.
single_nat_gateway          = true
log_level                   = "debug"
docdb_instance_class        = "db.t4g.medium"
docdb_instance_count        = 1
docdb_backup_retention_days = 7
task_cpu                    = 512
task_memory                 = 1024
min_tasks                   = 1
max_tasks                   = 3

enable_admin_bootstrap = true
# Dev is torn down and rebuilt: no deletion protection, the logs bucket may be emptied.
deletion_protection = false
# checkov-skip: CKV_AWS_150: dev is torn down and rebuilt, so its load balancer has no deletion protection.
