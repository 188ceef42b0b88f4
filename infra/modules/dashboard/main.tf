# One CloudWatch dashboard per environment: the alarms' state, the money flow, the outbox and
# notifications, contention and throttling, then the infrastructure under them. Business series
# come from the collector (EMF, var.metrics_namespace); SEARCH widgets show every label value
# without listing them here.

locals {
  ns = var.metrics_namespace

  # A metric widget at (x, y), 8 columns wide and 6 rows high.
  widget = { width = 8, height = 6 }

  search = {
    rejections    = "SEARCH('{${local.ns},operation,code} MetricName=\"btg_rejected_operations_total\"', 'Sum', 300)"
    notifications = "SEARCH('{${local.ns},channel,outcome} MetricName=\"btg_notifications_total\"', 'Sum', 300)"
    conflicts     = "SEARCH('{${local.ns},operation} MetricName=\"btg_ledger_write_conflicts_total\"', 'Sum', 300)"
    replays       = "SEARCH('{${local.ns},operation} MetricName=\"btg_idempotent_replays_total\"', 'Sum', 300)"
    statuses      = "SEARCH('{${local.ns},status} MetricName=\"http_request_duration_seconds\" status=(\"429\" OR \"500\" OR \"503\")', 'SampleCount', 300)"
  }

  widgets = [
    {
      type       = "alarm", x = 0, y = 0, width = 24, height = 3
      properties = { title = "Alarms", alarms = var.alarm_arns }
    },
    {
      type = "metric", x = 0, y = 3, width = local.widget.width, height = local.widget.height
      properties = {
        title = "Subscriptions and cancellations (per 5 min)", region = var.region, stat = "Sum", period = 300
        metrics = [
          [local.ns, "btg_subscriptions_total", { label = "subscriptions" }],
          [local.ns, "btg_cancellations_total", { label = "cancellations" }],
        ]
      }
    },
    {
      type = "metric", x = 8, y = 3, width = local.widget.width, height = local.widget.height
      properties = {
        title   = "Refused operations by code (per 5 min)", region = var.region
        metrics = [[{ expression = local.search.rejections, id = "rejections" }]]
      }
    },
    {
      type = "metric", x = 16, y = 3, width = local.widget.width, height = local.widget.height
      properties = {
        title   = "Outbox pending", region = var.region, stat = "Maximum", period = 60
        metrics = [[local.ns, "btg_outbox_pending", { label = "pending notifications" }]]
      }
    },
    {
      type = "metric", x = 0, y = 9, width = local.widget.width, height = local.widget.height
      properties = {
        title   = "Notifications by channel and outcome (per 5 min)", region = var.region
        metrics = [[{ expression = local.search.notifications, id = "notifications" }]]
      }
    },
    {
      type = "metric", x = 8, y = 9, width = local.widget.width, height = local.widget.height
      properties = {
        title = "Ledger conflicts and idempotent replays (per 5 min)", region = var.region
        metrics = [
          [{ expression = local.search.conflicts, id = "conflicts" }],
          [{ expression = local.search.replays, id = "replays" }],
        ]
      }
    },
    {
      type = "metric", x = 16, y = 9, width = local.widget.width, height = local.widget.height
      properties = {
        title   = "Answers 429, 500, 503 from the API (per 5 min)", region = var.region
        metrics = [[{ expression = local.search.statuses, id = "statuses" }]]
      }
    },
    {
      type = "metric", x = 0, y = 15, width = local.widget.width, height = local.widget.height
      properties = {
        title = "Load balancer: requests and 5xx", region = var.region, stat = "Sum", period = 300
        metrics = [
          ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.alb_arn_suffix],
          ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", var.alb_arn_suffix],
          ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", var.alb_arn_suffix],
        ]
      }
    },
    {
      type = "metric", x = 8, y = 15, width = local.widget.width, height = local.widget.height
      properties = {
        title = "Response time p50 / p99 (s)", region = var.region, period = 60
        metrics = [
          ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix, { stat = "p50" }],
          ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix, { stat = "p99" }],
        ]
      }
    },
    {
      type = "metric", x = 16, y = 15, width = local.widget.width, height = local.widget.height
      properties = {
        title = "Tasks and database (CPU %, healthy tasks)", region = var.region, period = 300
        metrics = [
          ["AWS/ECS", "CPUUtilization", "ClusterName", var.ecs_cluster_name, "ServiceName", var.ecs_service_name, { stat = "Average" }],
          ["AWS/ECS", "MemoryUtilization", "ClusterName", var.ecs_cluster_name, "ServiceName", var.ecs_service_name, { stat = "Average" }],
          ["AWS/DocDB", "CPUUtilization", "DBClusterIdentifier", var.docdb_cluster_identifier, { stat = "Average" }],
          ["AWS/ApplicationELB", "HealthyHostCount", "LoadBalancer", var.alb_arn_suffix, "TargetGroup", var.target_group_arn_suffix, { stat = "Minimum", yAxis = "right" }],
        ]
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "api" {
  dashboard_name = "${var.name}-api"
  dashboard_body = jsonencode({ widgets = local.widgets })
}
