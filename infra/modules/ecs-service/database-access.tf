# The database admits connections from the API tasks' security group and from nothing else.
resource "aws_vpc_security_group_ingress_rule" "database_from_service" {
  security_group_id            = var.database_security_group_id
  description                  = "MongoDB wire protocol from the ${var.name} API tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.database_port
  to_port                      = var.database_port
  referenced_security_group_id = aws_security_group.service.id
}
