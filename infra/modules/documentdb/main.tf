# Amazon DocumentDB in the private subnets: TLS enforced by the parameter group, storage
# encrypted with a CMK, audit and profiler logs exported, reachable only from the service.

resource "aws_docdb_subnet_group" "this" {
  name        = "${var.name}-docdb"
  description = "Private subnets of ${var.name}"
  subnet_ids  = var.subnet_ids
}

# No inline rules: Terraform removes AWS's default allow-all egress (the cluster never opens
# connections), and the only ingress rule is added by its client, the ECS service module
# (modules/ecs-service/database-access.tf), which keeps the two modules free of a cycle.
resource "aws_security_group" "docdb" {
  name        = "${var.name}-docdb"
  description = "DocumentDB of ${var.name}: only the API service may connect"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-docdb" }
}

resource "aws_docdb_cluster_parameter_group" "this" {
  name        = "${var.name}-docdb50"
  family      = "docdb5.0"
  description = "TLS required, audit and profiler logging on"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }

  parameter {
    name  = "profiler"
    value = "enabled"
  }

  parameter {
    name  = "profiler_threshold_ms"
    value = tostring(var.profiler_threshold_ms)
  }
}

# Log groups made here (not by the service) so that they are encrypted and expire.
resource "aws_cloudwatch_log_group" "exports" {
  for_each = toset(["audit", "profiler"])

  name              = "/aws/docdb/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "random_password" "master" {
  length  = 40
  special = false

  keepers = {
    version = var.password_version
  }
}

resource "aws_docdb_cluster" "this" {
  cluster_identifier              = var.name
  engine                          = "docdb"
  engine_version                  = var.engine_version
  port                            = var.port
  master_username                 = var.master_username
  master_password                 = random_password.master.result
  db_subnet_group_name            = aws_docdb_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.docdb.id]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.this.name
  storage_encrypted               = true
  kms_key_id                      = var.kms_key_arn
  backup_retention_period         = var.backup_retention_days
  preferred_backup_window         = var.preferred_backup_window
  preferred_maintenance_window    = var.preferred_maintenance_window
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  deletion_protection             = var.deletion_protection
  skip_final_snapshot             = var.skip_final_snapshot
  final_snapshot_identifier       = "${var.name}-final"
  # Only the master password and the identifier honour this flag; the password must change
  # at once because the secret (and MONGODB_URI) changes in the same apply.
  apply_immediately = true

  depends_on = [aws_cloudwatch_log_group.exports]
}

resource "aws_docdb_cluster_instance" "this" {
  count = var.instance_count

  identifier                 = "${var.name}-${count.index + 1}"
  cluster_identifier         = aws_docdb_cluster.this.id
  instance_class             = var.instance_class
  auto_minor_version_upgrade = true
  ca_cert_identifier         = "rds-ca-rsa2048-g1"
  promotion_tier             = count.index
}
