# The connection settings the app needs, as one secret. The task gets MONGODB_URI from its
# "uri" key. DocumentDB wants tls=true, the Amazon CA bundle, replicaSet=rs0 and
# retryWrites=false (it does not support retryable writes). Reads stay on the primary (the
# driver's default): balances and idempotency records must be read after their own writes.

locals {
  uri = format(
    "mongodb://%s:%s@%s:%d/%s?tls=true&tlsCAFile=%s&replicaSet=rs0&retryWrites=false&authSource=admin",
    var.master_username,
    random_password.master.result,
    aws_docdb_cluster.this.endpoint,
    var.port,
    var.database_name,
    var.tls_ca_file,
  )
}

resource "aws_secretsmanager_secret" "database" {
  #checkov:skip=CKV2_AWS_57:The secret also carries the full MONGODB_URI, which the managed DocumentDB rotation Lambda does not rewrite; rotation follows docs/deploy.md (password_version bump + redeploy).
  name                    = "${var.name}/database"
  description             = "DocumentDB credentials and MONGODB_URI (key uri) for ${var.name}"
  kms_key_id              = var.secrets_kms_key_arn
  recovery_window_in_days = var.secret_recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "database" {
  secret_id = aws_secretsmanager_secret.database.id

  secret_string = jsonencode({
    engine   = "docdb"
    host     = aws_docdb_cluster.this.endpoint
    port     = var.port
    username = var.master_username
    password = random_password.master.result
    dbname   = var.database_name
    uri      = local.uri
  })
}
