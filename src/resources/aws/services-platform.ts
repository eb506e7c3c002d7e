import type { ResourceType } from '../types.js';
import { awsEc2TransitGatewayVpcAttachment } from './aws_ec2_transit_gateway_vpc_attachment.js';
import { awsEcsService } from './aws_ecs_service.js';
import { awsEfsFileSystem } from './aws_efs_file_system.js';
import { awsEksCluster } from './aws_eks_cluster.js';
import { awsEksFargateProfile } from './aws_eks_fargate_profile.js';
import { awsEksNodeGroup } from './aws_eks_node_group.js';
import { awsElasticacheCluster } from './aws_elasticache_cluster.js';
import { awsElasticacheReplicationGroup } from './aws_elasticache_replication_group.js';
import { awsElasticsearchDomain } from './aws_elasticsearch_domain.js';
import { awsMqBroker } from './aws_mq_broker.js';
import { awsMskCluster } from './aws_msk_cluster.js';
import { awsOpensearchDomain } from './aws_opensearch_domain.js';
import { awsRdsCluster } from './aws_rds_cluster.js';
import { awsRdsClusterInstance } from './aws_rds_cluster_instance.js';
import { awsRedshiftCluster } from './aws_redshift_cluster.js';
import { awsTransferServer } from './aws_transfer_server.js';
import { awsVpcEndpoint } from './aws_vpc_endpoint.js';
import { awsVpnConnection } from './aws_vpn_connection.js';

/** Managed databases, caches, containers and networking services (Aurora, ElastiCache, EKS, …). */
export const PLATFORM_SERVICE_TYPES: ResourceType[] = [
  awsEc2TransitGatewayVpcAttachment,
  awsEcsService,
  awsEfsFileSystem,
  awsEksCluster,
  awsEksFargateProfile,
  awsEksNodeGroup,
  awsElasticacheCluster,
  awsElasticacheReplicationGroup,
  awsElasticsearchDomain,
  awsMqBroker,
  awsMskCluster,
  awsOpensearchDomain,
  awsRdsCluster,
  awsRdsClusterInstance,
  awsRedshiftCluster,
  awsTransferServer,
  awsVpcEndpoint,
  awsVpnConnection,
];
