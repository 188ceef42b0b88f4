# ECS Fargate: one cluster, one service of API tasks in the private subnets behind the ALB,
# each task with an ADOT collector sidecar: OTLP traces to X-Ray, Prometheus metrics to
# CloudWatch (collector.tf).

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "service" {
  name              = "/ecs/${var.name}/api"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_security_group" "service" {
  name        = "${var.name}-api"
  description = "API tasks of ${var.name}"
  vpc_id      = var.vpc_id

  ingress {
    description     = "API port, from the load balancer only"
    from_port       = 3000
    to_port         = 3000
    protocol        = "tcp"
    security_groups = [var.alb_security_group_id]
  }

  egress {
    description = "HTTPS: ECR, Secrets Manager, CloudWatch, X-Ray, Twilio"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "SMTP relay for e-mail notifications"
    from_port   = var.smtp_port
    to_port     = var.smtp_port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description     = "DocumentDB cluster"
    from_port       = var.database_port
    to_port         = var.database_port
    protocol        = "tcp"
    security_groups = [var.database_security_group_id]
  }

  tags = { Name = "${var.name}-api" }
}

resource "aws_ecs_service" "api" {
  name            = "${var.name}-api"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"
  # Resolved by ECS to the newest Fargate platform at each deployment.
  platform_version = "LATEST"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "api"
    container_port   = 3000
  }

  # A deployment whose tasks never become healthy rolls back to the previous task definition.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  enable_execute_command             = false

  lifecycle {
    # Autoscaling owns the running count after creation.
    ignore_changes = [desired_count]
  }

  depends_on = [aws_iam_role_policy.execution_secrets]
}
