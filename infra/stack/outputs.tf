output "alb_dns_name" {
  description = "DNS name of the load balancer: create the API hostname as an alias (or CNAME) to it."
  value       = module.alb.alb_dns_name
}

output "alb_zone_id" {
  description = "Hosted-zone id of the load balancer, for a Route 53 alias record."
  value       = module.alb.alb_zone_id
}

output "ecs_cluster_name" {
  description = "ECS cluster running the API."
  value       = module.ecs_service.cluster_name
}

output "ecs_service_name" {
  description = "ECS service of the API (for `aws ecs update-service` during rollbacks)."
  value       = module.ecs_service.service_name
}

output "task_definition_arn" {
  description = "Task definition revision deployed by this apply."
  value       = module.ecs_service.task_definition_arn
}

output "log_group_name" {
  description = "CloudWatch log group of the API containers."
  value       = module.ecs_service.log_group_name
}

output "documentdb_endpoint" {
  description = "Writer endpoint of the DocumentDB cluster."
  value       = module.documentdb.endpoint
}

output "database_secret_arn" {
  description = "Secret with the DocumentDB credentials and MONGODB_URI."
  value       = module.documentdb.secret_arn
}

output "app_secret_names" {
  description = "Secrets the operator fills with put-secret-value before the first deployment."
  value       = module.secrets.secret_names
}

output "alarm_topic_arn" {
  description = "SNS topic receiving every alarm."
  value       = module.alarms.sns_topic_arn
}

output "nat_public_ips" {
  description = "Egress IPs of the tasks (for SMTP / Twilio allow-lists)."
  value       = module.network.nat_public_ips
}

output "waf_web_acl_arn" {
  description = "WAF web ACL protecting the load balancer."
  value       = module.waf.web_acl_arn
}

output "dashboard_url" {
  description = "CloudWatch dashboard of the environment: alarms, money flow, outbox, notifications, contention, infrastructure."
  value       = module.dashboard.dashboard_url
}

output "metrics_namespace" {
  description = "CloudWatch namespace of the API's business metrics."
  value       = module.ecs_service.metrics_namespace
}
