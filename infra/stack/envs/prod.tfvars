# The prod environment: the defaults of variables.tf are its sizes.
#   terraform init -reconfigure -backend-config=envs/prod.s3.tfbackend -backend-config="bucket=<state_bucket>"
#   terraform plan -var-file=envs/prod.tfvars
# Replace the placeholders (account 222222222222) with real values before applying.

environment = "prod"
vpc_cidr    = "10.50.0.0/16"

certificate_arn = "arn:aws:acm:us-east-1:222222222222:certificate/00000000-0000-0000-0000-000000000000"
image           = "222222222222.dkr.ecr.us-east-1.amazonaws.com/btg-funds-api:0.1.0"
cors_origins    = "https://app.btg-funds.example.com"
smtp_from       = "BTG Fondos <no-reply@btg-funds.example.com>"

alarm_emails = ["oncall@btg-funds.example.com"]
# Create the first admin once with true, then set back to false and delete the secret's value.
enable_admin_bootstrap = false
