output "cluster_identifier" {
  description = "Identifier of the DocumentDB cluster (the DBClusterIdentifier metric dimension)."
  value       = aws_docdb_cluster.this.cluster_identifier
}

output "instance_identifiers" {
  description = "Identifiers of the cluster instances (the DBInstanceIdentifier metric dimension)."
  value       = aws_docdb_cluster_instance.this[*].identifier
}

output "endpoint" {
  description = "Cluster (writer) endpoint."
  value       = aws_docdb_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint, load-balanced over the replicas."
  value       = aws_docdb_cluster.this.reader_endpoint
}

output "port" {
  description = "TCP port of the cluster."
  value       = var.port
}

output "security_group_id" {
  description = "Id of the cluster's security group; it admits nothing until a client adds an ingress rule (the ECS service module does)."
  value       = aws_security_group.docdb.id
}

output "secret_arn" {
  description = "ARN of the secret with the credentials and the MONGODB_URI (JSON key uri)."
  value       = aws_secretsmanager_secret.database.arn
}
