resource "aws_cloudwatch_metric_alarm" "docdb_cpu" {
  for_each = toset(var.docdb_instance_identifiers)

  alarm_name          = "${each.value}-cpu"
  alarm_description   = "DocumentDB instance ${each.value}: CPU above ${var.docdb_cpu_threshold_percent}% for 15 minutes."
  namespace           = "AWS/DocDB"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = each.value }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.docdb_cpu_threshold_percent
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

resource "aws_cloudwatch_metric_alarm" "docdb_freeable_memory" {
  for_each = toset(var.docdb_instance_identifiers)

  alarm_name          = "${each.value}-freeable-memory"
  alarm_description   = "DocumentDB instance ${each.value}: freeable memory below ${var.docdb_freeable_memory_threshold_bytes} bytes for 15 minutes."
  namespace           = "AWS/DocDB"
  metric_name         = "FreeableMemory"
  dimensions          = { DBInstanceIdentifier = each.value }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = var.docdb_freeable_memory_threshold_bytes
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

resource "aws_cloudwatch_metric_alarm" "docdb_connections" {
  for_each = toset(var.docdb_instance_identifiers)

  alarm_name          = "${each.value}-connections"
  alarm_description   = "DocumentDB instance ${each.value}: more than ${var.docdb_connections_threshold} open connections."
  namespace           = "AWS/DocDB"
  metric_name         = "DatabaseConnections"
  dimensions          = { DBInstanceIdentifier = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.docdb_connections_threshold
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}

resource "aws_cloudwatch_metric_alarm" "docdb_cluster_cpu" {
  alarm_name          = "${var.docdb_cluster_identifier}-cluster-cpu"
  alarm_description   = "DocumentDB cluster ${var.docdb_cluster_identifier}: CPU above ${var.docdb_cpu_threshold_percent}% on average for 15 minutes."
  namespace           = "AWS/DocDB"
  metric_name         = "CPUUtilization"
  dimensions          = { DBClusterIdentifier = var.docdb_cluster_identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.docdb_cpu_threshold_percent
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = local.actions
  ok_actions          = local.actions
}
