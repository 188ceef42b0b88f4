# Values for the prod environment: terraform plan -var-file=prod.tfvars
# Replace the placeholders (account 222222222222) with real values before applying.

region             = "us-east-1"
availability_zones = ["us-east-1a", "us-east-1b"]
vpc_cidr           = "10.50.0.0/16"
single_nat_gateway = false

certificate_arn = "arn:aws:acm:us-east-1:222222222222:certificate/00000000-0000-0000-0000-000000000000"
image           = "222222222222.dkr.ecr.us-east-1.amazonaws.com/btg-funds-api:0.1.0"

cors_origins = "https://app.btg-funds.example.com"
smtp_from    = "BTG Fondos <no-reply@btg-funds.example.com>"
log_level    = "info"

# Create the first admin once, then set back to false and delete the secret's value.
enable_admin_bootstrap = false

# Keep true: both the ALB and DocumentDB refuse deletion.
deletion_protection = true

docdb_instance_class        = "db.r6g.large"
docdb_instance_count        = 2
docdb_backup_retention_days = 35
# Bump to rotate the master password and MONGODB_URI (docs/deploy.md, secrets rotation).
docdb_password_version = 1

task_cpu    = 1024
task_memory = 2048
min_tasks   = 2
max_tasks   = 10

waf_rate_limit_per_5_minutes = 2000

alarm_emails = ["oncall@btg-funds.example.com"]
