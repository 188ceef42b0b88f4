provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "btg-funds"
      Environment = local.environment
      ManagedBy   = "terraform"
    }
  }
}

locals {
  environment = var.environment
  name        = "btg-${local.environment}"
  # The API's business metrics (EMF from the ADOT collector): alarms and dashboard read them here.
  metrics_namespace = "BTGFunds/${local.environment}"
}

module "platform_key" {
  source = "../modules/kms"

  name                    = local.name
  purpose                 = "platform"
  region                  = var.region
  allow_cloudwatch_logs   = true
  allow_cloudwatch_alarms = true
}

module "secrets_key" {
  source = "../modules/kms"

  name    = local.name
  purpose = "secrets"
  region  = var.region
}

module "network" {
  source = "../modules/network"

  name               = local.name
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
  single_nat_gateway = var.single_nat_gateway
  kms_key_arn        = module.platform_key.key_arn
  log_retention_days = var.log_retention_days
}

module "waf" {
  source = "../modules/waf"

  name                     = local.name
  rate_limit_per_5_minutes = var.waf_rate_limit_per_5_minutes
  kms_key_arn              = module.platform_key.key_arn
  log_retention_days       = var.log_retention_days
}

module "alb" {
  source = "../modules/alb"

  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr_block      = module.network.vpc_cidr_block
  public_subnet_ids   = module.network.public_subnet_ids
  certificate_arn     = var.certificate_arn
  deletion_protection = var.deletion_protection
  force_destroy_logs  = !var.deletion_protection
  web_acl_arn         = module.waf.web_acl_arn
}

module "secrets" {
  source = "../modules/secrets"

  name                   = local.name
  kms_key_arn            = module.secrets_key.key_arn
  enable_admin_bootstrap = var.enable_admin_bootstrap
}

module "documentdb" {
  source = "../modules/documentdb"

  name                  = local.name
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  kms_key_arn           = module.platform_key.key_arn
  secrets_kms_key_arn   = module.secrets_key.key_arn
  instance_class        = var.docdb_instance_class
  instance_count        = var.docdb_instance_count
  backup_retention_days = var.docdb_backup_retention_days
  password_version      = var.docdb_password_version
  deletion_protection   = var.deletion_protection
  log_retention_days    = var.log_retention_days
}

module "ecs_service" {
  source = "../modules/ecs-service"

  name                       = local.name
  region                     = var.region
  vpc_id                     = module.network.vpc_id
  private_subnet_ids         = module.network.private_subnet_ids
  database_security_group_id = module.documentdb.security_group_id
  alb_security_group_id      = module.alb.security_group_id
  target_group_arn           = module.alb.target_group_arn
  alb_arn_suffix             = module.alb.alb_arn_suffix
  target_group_arn_suffix    = module.alb.target_group_arn_suffix
  image                      = var.image
  task_cpu                   = var.task_cpu
  task_memory                = var.task_memory
  desired_count              = var.min_tasks
  min_capacity               = var.min_tasks
  max_capacity               = var.max_tasks
  kms_key_arn                = module.platform_key.key_arn
  log_retention_days         = var.log_retention_days
  secrets_kms_key_arn        = module.secrets_key.key_arn
  database_secret_arn        = module.documentdb.secret_arn
  jwt_private_key_secret_arn = module.secrets.jwt_private_key_secret_arn
  smtp_secret_arn            = module.secrets.smtp_secret_arn
  twilio_secret_arn          = module.secrets.twilio_secret_arn
  admin_secret_arn           = module.secrets.admin_secret_arn
  cors_origins               = var.cors_origins
  smtp_from                  = var.smtp_from
  log_level                  = var.log_level
  metrics_namespace          = local.metrics_namespace
}

module "alarms" {
  source = "../modules/alarms"

  name                       = local.name
  kms_key_arn                = module.platform_key.key_arn
  alarm_emails               = var.alarm_emails
  alb_arn_suffix             = module.alb.alb_arn_suffix
  target_group_arn_suffix    = module.alb.target_group_arn_suffix
  ecs_cluster_name           = module.ecs_service.cluster_name
  ecs_service_name           = module.ecs_service.service_name
  docdb_cluster_identifier   = module.documentdb.cluster_identifier
  docdb_instance_identifiers = module.documentdb.instance_identifiers
  metrics_namespace          = local.metrics_namespace
}

module "dashboard" {
  source = "../modules/dashboard"

  name                     = local.name
  region                   = var.region
  metrics_namespace        = local.metrics_namespace
  alb_arn_suffix           = module.alb.alb_arn_suffix
  target_group_arn_suffix  = module.alb.target_group_arn_suffix
  ecs_cluster_name         = module.ecs_service.cluster_name
  ecs_service_name         = module.ecs_service.service_name
  docdb_cluster_identifier = module.documentdb.cluster_identifier
  alarm_arns               = module.alarms.alarm_arns
}
