output "alb_arn" {
  description = "ARN of the application load balancer."
  value       = aws_lb.this.arn
}

output "alb_arn_suffix" {
  description = "ARN suffix of the load balancer, the LoadBalancer dimension of its CloudWatch metrics."
  value       = aws_lb.this.arn_suffix
}

output "alb_dns_name" {
  description = "DNS name of the load balancer; point the API's DNS record (alias) at it."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Route 53 hosted-zone id of the load balancer, for alias records."
  value       = aws_lb.this.zone_id
}

output "security_group_id" {
  description = "Id of the ALB's security group; the service admits traffic only from it."
  value       = aws_security_group.alb.id
}

output "target_group_arn" {
  description = "ARN of the target group the ECS service registers its tasks in (available once a listener forwards to it, as ECS requires)."
  value       = aws_lb_target_group.app.arn
  depends_on  = [aws_lb_listener.https]
}

output "target_group_arn_suffix" {
  description = "ARN suffix of the target group, the TargetGroup dimension of its CloudWatch metrics."
  value       = aws_lb_target_group.app.arn_suffix
}

output "access_logs_bucket" {
  description = "Name of the S3 bucket holding the ALB access logs."
  value       = aws_s3_bucket.access_logs.id
}
