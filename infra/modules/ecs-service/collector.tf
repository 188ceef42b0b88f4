# The ADOT collector sidecar: OTLP traces from the API → X-Ray, and the API's Prometheus
# metrics, scraped on the task's loopback (METRICS_PORT, never exposed by the load balancer or
# the security group) → CloudWatch metrics in Embedded Metric Format (EMF) logs.
#
# Only the series the alarms and the dashboard read are exported, with bounded dimensions
# (error codes, channels, outcomes, HTTP status): CloudWatch bills each metric and dimension set.

locals {
  metrics_log_group = "/ecs/${var.name}/metrics"

  collector_config = yamlencode({
    extensions = { health_check = {} }
    receivers = {
      otlp = { protocols = { http = { endpoint = "127.0.0.1:4318" } } }
      prometheus = {
        config = {
          scrape_configs = [{
            job_name        = "btg-funds-api"
            scrape_interval = "${var.metrics_scrape_interval_seconds}s"
            metrics_path    = "/metrics"
            static_configs  = [{ targets = ["127.0.0.1:${var.metrics_port}"] }]
          }]
        }
      }
    }
    processors = {
      "batch/traces"    = { timeout = "1s", send_batch_size = 50 }
      "batch/metrics"   = { timeout = "60s" }
      resourcedetection = { detectors = ["env", "ecs"] }
    }
    exporters = {
      awsxray = {}
      awsemf = {
        namespace               = var.metrics_namespace
        log_group_name          = local.metrics_log_group
        log_stream_name         = "{TaskId}"
        dimension_rollup_option = "NoDimensionRollup"
        # Counters arrive cumulative and are sent as per-interval deltas: Sum over a period is
        # what happened in it. Histograms become SampleCount/Sum/Min/Max per dimension set.
        metric_declarations = [
          {
            dimensions            = [[]]
            metric_name_selectors = ["^btg_outbox_pending$", "^btg_(subscriptions|cancellations)(_total)?$"]
          },
          {
            dimensions            = [["operation"]]
            metric_name_selectors = ["^btg_ledger_write_conflicts(_total)?$", "^btg_idempotent_replays(_total)?$", "^btg_money_outcome_unknown(_total)?$"]
          },
          {
            dimensions            = [["operation", "code"]]
            metric_name_selectors = ["^btg_rejected_operations(_total)?$"]
          },
          {
            dimensions            = [["outcome"], ["channel", "outcome"]]
            metric_name_selectors = ["^btg_notifications(_total)?$"]
          },
          {
            dimensions            = [["status"]]
            metric_name_selectors = ["^http_request_duration_seconds$"]
          },
        ]
      }
    }
    service = {
      extensions = ["health_check"]
      pipelines = {
        traces  = { receivers = ["otlp"], processors = ["batch/traces"], exporters = ["awsxray"] }
        metrics = { receivers = ["prometheus"], processors = ["resourcedetection", "batch/metrics"], exporters = ["awsemf"] }
      }
    }
  })
}

# The EMF log group exists before the collector writes to it: encrypted, with a retention.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = local.metrics_log_group
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_iam_role_policy" "task_metrics" {
  name = "write-emf-metrics"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "EmfLogStreams"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
      Resource = ["${aws_cloudwatch_log_group.metrics.arn}:*"]
    }]
  })
}
