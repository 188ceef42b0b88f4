output "cluster_name" {
  description = "Name of the ECS cluster (the ClusterName metric dimension)."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "Name of the ECS service (the ServiceName metric dimension)."
  value       = aws_ecs_service.api.name
}

output "task_definition_arn" {
  description = "ARN (with revision) of the task definition currently deployed by Terraform; keep it for rollbacks."
  value       = aws_ecs_task_definition.api.arn
}

output "security_group_id" {
  description = "Id of the tasks' security group; the database admits connections only from it."
  value       = aws_security_group.service.id
}

output "log_group_name" {
  description = "CloudWatch log group of the API and collector containers."
  value       = aws_cloudwatch_log_group.service.name
}

output "execution_role_arn" {
  description = "ARN of the task execution role (image pull, logs, secrets)."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "ARN of the task role (X-Ray writes from the collector)."
  value       = aws_iam_role.task.arn
}

output "metrics_namespace" {
  description = "CloudWatch namespace of the API's business metrics (EMF, written by the collector)."
  value       = var.metrics_namespace
}

output "metrics_log_group_name" {
  description = "CloudWatch log group holding the EMF records behind the business metrics."
  value       = aws_cloudwatch_log_group.metrics.name
}
