# Values for the dev environment: terraform plan -var-file=dev.tfvars
# Replace the placeholders (account 111111111111) with real values before applying.

region             = "us-east-1"
availability_zones = ["us-east-1a", "us-east-1b"]
vpc_cidr           = "10.40.0.0/16"
single_nat_gateway = true

certificate_arn = "arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000"
image           = "111111111111.dkr.ecr.us-east-1.amazonaws.com/btg-funds-api:0.1.0"

cors_origins = "https://dev.btg-funds.example.com"
smtp_from    = "BTG Fondos <no-reply@dev.btg-funds.example.com>"
log_level    = "debug"

enable_admin_bootstrap = true

docdb_instance_class        = "db.t4g.medium"
docdb_instance_count        = 1
docdb_backup_retention_days = 7
# Bump to rotate the master password and MONGODB_URI (docs/deploy.md, secrets rotation).
docdb_password_version = 1

task_cpu    = 512
task_memory = 1024
min_tasks   = 1
max_tasks   = 3

alarm_emails = []
# Dev is torn down and rebuilt: no deletion protection, logs bucket may be emptied.
deletion_protection = false
