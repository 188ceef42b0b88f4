output "vpc_id" {
  description = "Id of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Ids of the two public subnets (ALB, NAT gateways)."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Ids of the two private subnets (ECS tasks, DocumentDB)."
  value       = aws_subnet.private[*].id
}

output "private_subnet_cidrs" {
  description = "IPv4 CIDRs of the private subnets."
  value       = aws_subnet.private[*].cidr_block
}

output "nat_public_ips" {
  description = "Public IPs the service's outbound traffic leaves from (give them to SMTP or Twilio allow-lists)."
  value       = aws_eip.nat[*].public_ip
}
