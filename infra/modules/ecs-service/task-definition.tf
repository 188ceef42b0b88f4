locals {
  environment = merge(
    {
      NODE_ENV                    = "production"
      HOST                        = "0.0.0.0"
      PORT                        = "3000"
      TRUST_PROXY                 = "true" # client IPs (rate limits) come from the ALB's X-Forwarded-For
      MONGODB_DB                  = var.mongodb_db
      SMTP_FROM                   = var.smtp_from
      CORS_ORIGINS                = var.cors_origins
      LOG_LEVEL                   = var.log_level
      BCRYPT_COST                 = tostring(var.bcrypt_cost)
      OTEL_EXPORTER_OTLP_ENDPOINT = "http://127.0.0.1:4318"
      OTEL_SERVICE_NAME           = "btg-funds-api"
      # /metrics on the task's loopback only, scraped by the collector (collector.tf); port 3000,
      # the one the load balancer forwards every path to, answers 404 there.
      METRICS_PORT = tostring(var.metrics_port)
      METRICS_HOST = "127.0.0.1"
    },
    var.extra_environment,
  )

  # ECS resolves "<arn>:<json-key>::" to one key of a JSON secret.
  secrets = merge(
    {
      MONGODB_URI        = "${var.database_secret_arn}:uri::"
      JWT_PRIVATE_KEY    = var.jwt_private_key_secret_arn
      SMTP_URL           = "${var.smtp_secret_arn}:url::"
      TWILIO_ACCOUNT_SID = "${var.twilio_secret_arn}:account_sid::"
      TWILIO_AUTH_TOKEN  = "${var.twilio_secret_arn}:auth_token::"
      TWILIO_FROM        = "${var.twilio_secret_arn}:from::"
    },
    var.admin_secret_arn == null ? {} : {
      ADMIN_EMAIL    = "${var.admin_secret_arn}:email::"
      ADMIN_PASSWORD = "${var.admin_secret_arn}:password::"
    },
  )

  secret_arns = compact([
    var.database_secret_arn,
    var.jwt_private_key_secret_arn,
    var.smtp_secret_arn,
    var.twilio_secret_arn,
    var.admin_secret_arn,
  ])

  log_options = {
    awslogs-group         = aws_cloudwatch_log_group.service.name
    awslogs-region        = var.region
    mode                  = "non-blocking"
    max-buffer-size       = "25m"
    awslogs-stream-prefix = "api"
  }

  # Node's fetch, so the image needs no curl.
  health_probe = "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "${var.name}-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  # Task-local scratch space: the root filesystems are read-only.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = "api"
      image                  = var.image
      essential              = true
      user                   = "1000:1000"
      readonlyRootFilesystem = true
      privileged             = false
      stopTimeout            = 30
      portMappings           = [{ containerPort = 3000, hostPort = 3000, protocol = "tcp" }]
      environment            = [for k in sort(keys(local.environment)) : { name = k, value = local.environment[k] }]
      secrets                = [for k in sort(keys(local.secrets)) : { name = k, valueFrom = local.secrets[k] }]
      mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      linuxParameters = {
        initProcessEnabled = true
        capabilities       = { drop = ["ALL"] }
      }
      ulimits = [{ name = "nofile", softLimit = 65536, hardLimit = 65536 }]
      healthCheck = {
        command     = ["CMD", "node", "-e", local.health_probe]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      dependsOn = [{ containerName = "adot-collector", condition = "START" }]
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_options
      }
    },
    {
      name                   = "adot-collector"
      image                  = var.adot_image
      essential              = false # tracing must never take the API down
      readonlyRootFilesystem = true
      privileged             = false
      memoryReservation      = var.collector_memory_reservation
      # The whole collector configuration (collector.tf), instead of the image's X-Ray-only one.
      environment = [{ name = "AOT_CONFIG_CONTENT", value = local.collector_config }]
      linuxParameters = {
        capabilities = { drop = ["ALL"] }
      }
      healthCheck = {
        command     = ["CMD", "/healthcheck"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 10
      }
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { awslogs-stream-prefix = "adot" })
      }
    },
  ])
}
