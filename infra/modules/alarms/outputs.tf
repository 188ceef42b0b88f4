output "sns_topic_arn" {
  description = "ARN of the encrypted SNS topic every alarm notifies; subscribe on-call tooling to it."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  description = "Names of all alarms created."
  value = concat(
    [
      aws_cloudwatch_metric_alarm.http_5xx.alarm_name,
      aws_cloudwatch_metric_alarm.latency_p99.alarm_name,
      aws_cloudwatch_metric_alarm.unhealthy_targets.alarm_name,
      aws_cloudwatch_metric_alarm.ecs_cpu.alarm_name,
      aws_cloudwatch_metric_alarm.ecs_memory.alarm_name,
      aws_cloudwatch_metric_alarm.docdb_cluster_cpu.alarm_name,
      aws_cloudwatch_metric_alarm.outbox_pending.alarm_name,
      aws_cloudwatch_metric_alarm.notifications_failed.alarm_name,
      aws_cloudwatch_metric_alarm.money_operations["ledger-conflicts"].alarm_name,
      aws_cloudwatch_metric_alarm.money_operations["outcome-unknown"].alarm_name,
      aws_cloudwatch_metric_alarm.rate_limited.alarm_name,
      aws_cloudwatch_metric_alarm.metrics_missing.alarm_name,
    ],
    [for a in aws_cloudwatch_metric_alarm.docdb_cpu : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.docdb_freeable_memory : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.docdb_connections : a.alarm_name],
  )
}

output "alarm_arns" {
  description = "ARNs of the API-path and business alarms (for an alarm-status widget)."
  value = [
    aws_cloudwatch_metric_alarm.http_5xx.arn,
    aws_cloudwatch_metric_alarm.latency_p99.arn,
    aws_cloudwatch_metric_alarm.unhealthy_targets.arn,
    aws_cloudwatch_metric_alarm.outbox_pending.arn,
    aws_cloudwatch_metric_alarm.notifications_failed.arn,
    aws_cloudwatch_metric_alarm.money_operations["ledger-conflicts"].arn,
    aws_cloudwatch_metric_alarm.money_operations["outcome-unknown"].arn,
    aws_cloudwatch_metric_alarm.rate_limited.arn,
    aws_cloudwatch_metric_alarm.metrics_missing.arn,
  ]
}
