# Alarms on the API's own series (CloudWatch metrics written by the ADOT collector as EMF, in
# var.metrics_namespace; modules/ecs-service/collector.tf). Each has a runbook entry in
# docs/deploy.md under "Alarms", named after the part of alarm_name that follows the prefix.

locals {
  ns = var.metrics_namespace
}

resource "aws_cloudwatch_metric_alarm" "outbox_pending" {
  alarm_name          = "${var.name}-outbox-pending"
  alarm_description   = "More than ${var.outbox_pending_threshold} notifications waiting in the outbox for 15 minutes: the dispatcher is stuck or a provider is down. Runbook: docs/deploy.md#outbox-pending"
  namespace           = local.ns
  metric_name         = "btg_outbox_pending"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.outbox_pending_threshold
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

resource "aws_cloudwatch_metric_alarm" "notifications_failed" {
  alarm_name          = "${var.name}-notifications-failed"
  alarm_description   = "More than ${var.failed_notifications_threshold} notifications given up (failed for good) in 15 minutes. Runbook: docs/deploy.md#notifications-failed"
  namespace           = local.ns
  metric_name         = "btg_notifications_total"
  dimensions          = { outcome = "failed" }
  statistic           = "Sum"
  period              = 900
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.failed_notifications_threshold
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

# Money-path counters exported per operation: each alarm sums subscribe and cancel. The key is
# the alarm's name after the prefix and its runbook anchor.
locals {
  money_operation_alarms = {
    "ledger-conflicts" = {
      metric_name        = "btg_ledger_write_conflicts_total"
      label              = "ledger write conflicts"
      threshold          = var.ledger_conflicts_threshold
      evaluation_periods = 2
      description        = "More than ${var.ledger_conflicts_threshold} lost ledger-append races in 5 minutes, twice running: clients are contending for the same accounts."
    }
    "outcome-unknown" = {
      metric_name        = "btg_money_outcome_unknown_total"
      label              = "money outcomes unknown"
      threshold          = var.outcome_unknown_threshold
      evaluation_periods = 1
      description        = "More than ${var.outcome_unknown_threshold} money requests answered 504 OUTCOME_UNKNOWN in 5 minutes: the store failed or stalled after a ledger append was sent."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "money_operations" {
  for_each = local.money_operation_alarms

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = "${each.value.description} Runbook: docs/deploy.md#${each.key}"
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  evaluation_periods  = each.value.evaluation_periods
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions

  metric_query {
    id          = "total"
    expression  = "FILL(subscribe, 0) + FILL(cancel, 0)"
    label       = each.value.label
    return_data = true
  }

  dynamic "metric_query" {
    for_each = toset(["subscribe", "cancel"])

    content {
      id = metric_query.value

      metric {
        namespace   = local.ns
        metric_name = each.value.metric_name
        dimensions  = { operation = metric_query.value }
        period      = 300
        stat        = "Sum"
      }
    }
  }
}

# The two alarms were separate resources until the for_each above: state moves, nothing is
# destroyed or created.
moved {
  from = aws_cloudwatch_metric_alarm.ledger_conflicts
  to   = aws_cloudwatch_metric_alarm.money_operations["ledger-conflicts"]
}

moved {
  from = aws_cloudwatch_metric_alarm.outcome_unknown
  to   = aws_cloudwatch_metric_alarm.money_operations["outcome-unknown"]
}

resource "aws_cloudwatch_metric_alarm" "rate_limited" {
  alarm_name          = "${var.name}-rate-limited"
  alarm_description   = "More than ${var.rate_limited_threshold} answers 429 in 5 minutes: a client retries in a loop, an attack on login, or limits too tight for real traffic. Runbook: docs/deploy.md#rate-limited"
  namespace           = local.ns
  metric_name         = "http_request_duration_seconds"
  dimensions          = { status = "429" }
  statistic           = "SampleCount"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.rate_limited_threshold
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

# Without this one, a broken metrics pipeline would silence every alarm above.
resource "aws_cloudwatch_metric_alarm" "metrics_missing" {
  alarm_name          = "${var.name}-metrics-missing"
  alarm_description   = "No business metrics from any task for 15 minutes: the collector cannot scrape /metrics or cannot write to CloudWatch. Runbook: docs/deploy.md#metrics-missing"
  namespace           = local.ns
  metric_name         = "btg_outbox_pending"
  statistic           = "SampleCount"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}
