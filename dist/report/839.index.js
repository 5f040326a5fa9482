export const id = 839;
export const ids = [839];
export const modules = {

/***/ 8839:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
__webpack_unused_export__ = $Command;
__webpack_unused_export__ = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsRestJsonProtocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultBatchHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "batch",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultBatchHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "batch",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1137.0";
var packageInfo = {
	version: version};

const m = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = "stringEquals", h = { [m]: "Endpoint" }, i = { [m]: d }, j = { "fn": f, "argv": [i, "name"] }, k = {}, l = [{ [m]: "Region" }];
const _data = {
    conditions: [
        [c, [h]],
        [c, l],
        ["aws.partition", l, d],
        [e, [{ [m]: "UseFIPS" }, b]],
        [e, [{ [m]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [i, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [i, "supportsFIPS"] }, b]],
        [g, [j, "aws"]],
        [g, [j, "aws-us-gov"]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [h, k],
        ["https://batch-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", k],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://fips.batch.{Region}.amazonaws.com", k],
        ["https://batch.{Region}.amazonaws.com", k],
        ["https://batch-fips.{Region}.{PartitionResult#dnsSuffix}", k],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://batch.{Region}.{PartitionResult#dualStackDnsSuffix}", k],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://batch.{Region}.{PartitionResult#dnsSuffix}", k],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 14, 3,
    1, 4, r + 13,
    2, 5, r + 13,
    3, 8, 6,
    4, 7, r + 12,
    5, r + 10, r + 11,
    4, 12, 9,
    6, 10, r + 9,
    7, r + 6, 11,
    8, r + 7, r + 8,
    5, 13, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 15,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class BatchServiceException extends ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, BatchServiceException.prototype);
    }
}

class ClientException extends BatchServiceException {
    name = "ClientException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ClientException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ClientException.prototype);
    }
}
class ServerException extends BatchServiceException {
    name = "ServerException";
    $fault = "server";
    constructor(opts) {
        super({
            name: "ServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, ServerException.prototype);
    }
}

const _ACD = "AttemptContainerDetail";
const _AD = "AttemptDetail";
const _ADt = "AttemptDetails";
const _AETD = "AttemptEcsTaskDetails";
const _AP = "ArrayProperties";
const _APD = "ArrayPropertiesDetail";
const _APS = "ArrayPropertiesSummary";
const _ATCD = "AttemptTaskContainerDetails";
const _CCE = "CreateComputeEnvironment";
const _CCER = "CreateComputeEnvironmentRequest";
const _CCERr = "CreateComputeEnvironmentResponse";
const _CCR = "CreateConsumableResource";
const _CCRR = "CreateConsumableResourceRequest";
const _CCRRr = "CreateConsumableResourceResponse";
const _CD = "ContainerDetail";
const _CE = "ClientException";
const _CED = "ComputeEnvironmentDetail";
const _CEDL = "ComputeEnvironmentDetailList";
const _CEO = "ComputeEnvironmentOrder";
const _CEOo = "ComputeEnvironmentOrders";
const _CJ = "CancelJob";
const _CJED = "CancelJobsErrorDetail";
const _CJEDL = "CancelJobsErrorDetailList";
const _CJQ = "CreateJobQueue";
const _CJQR = "CreateJobQueueRequest";
const _CJQRr = "CreateJobQueueResponse";
const _CJR = "CancelJobRequest";
const _CJRa = "CancelJobResponse";
const _CJRan = "CancelJobsRequest";
const _CJRanc = "CancelJobsResponse";
const _CJa = "CancelJobs";
const _CL = "CapacityLimit";
const _CLa = "CapacityLimits";
const _CO = "ContainerOverrides";
const _CP = "ContainerProperties";
const _CQS = "CreateQuotaShare";
const _CQSR = "CreateQuotaShareRequest";
const _CQSRr = "CreateQuotaShareResponse";
const _CR = "ComputeResource";
const _CRL = "ConsumableResourceList";
const _CRP = "ConsumableResourceProperties";
const _CRR = "CapacityReservationRequest";
const _CRRo = "ConsumableResourceRequirement";
const _CRS = "ConsumableResourceSummary";
const _CRSL = "ConsumableResourceSummaryList";
const _CRU = "ComputeResourceUpdate";
const _CS = "ContainerSummary";
const _CSE = "CreateServiceEnvironment";
const _CSER = "CreateServiceEnvironmentRequest";
const _CSERr = "CreateServiceEnvironmentResponse";
const _CSP = "ComputeScalingPolicy";
const _CSPR = "CreateSchedulingPolicyRequest";
const _CSPRr = "CreateSchedulingPolicyResponse";
const _CSPr = "CreateSchedulingPolicy";
const _D = "Device";
const _DCE = "DeleteComputeEnvironment";
const _DCER = "DeleteComputeEnvironmentRequest";
const _DCERe = "DeleteComputeEnvironmentResponse";
const _DCERes = "DescribeComputeEnvironmentsRequest";
const _DCEResc = "DescribeComputeEnvironmentsResponse";
const _DCEe = "DescribeComputeEnvironments";
const _DCR = "DeleteConsumableResource";
const _DCRR = "DeleteConsumableResourceRequest";
const _DCRRe = "DeleteConsumableResourceResponse";
const _DCRRes = "DescribeConsumableResourceRequest";
const _DCRResc = "DescribeConsumableResourceResponse";
const _DCRe = "DescribeConsumableResource";
const _DJ = "DescribeJobs";
const _DJD = "DeregisterJobDefinition";
const _DJDR = "DeregisterJobDefinitionRequest";
const _DJDRe = "DeregisterJobDefinitionResponse";
const _DJDRes = "DescribeJobDefinitionsRequest";
const _DJDResc = "DescribeJobDefinitionsResponse";
const _DJDe = "DescribeJobDefinitions";
const _DJQ = "DeleteJobQueue";
const _DJQR = "DeleteJobQueueRequest";
const _DJQRe = "DeleteJobQueueResponse";
const _DJQRes = "DescribeJobQueuesRequest";
const _DJQResc = "DescribeJobQueuesResponse";
const _DJQe = "DescribeJobQueues";
const _DJR = "DescribeJobsRequest";
const _DJRe = "DescribeJobsResponse";
const _DL = "DevicesList";
const _DQS = "DeleteQuotaShare";
const _DQSR = "DeleteQuotaShareRequest";
const _DQSRe = "DeleteQuotaShareResponse";
const _DQSRes = "DescribeQuotaShareRequest";
const _DQSResc = "DescribeQuotaShareResponse";
const _DQSe = "DescribeQuotaShare";
const _DSE = "DeleteServiceEnvironment";
const _DSER = "DeleteServiceEnvironmentRequest";
const _DSERe = "DeleteServiceEnvironmentResponse";
const _DSERes = "DescribeServiceEnvironmentsRequest";
const _DSEResc = "DescribeServiceEnvironmentsResponse";
const _DSEe = "DescribeServiceEnvironments";
const _DSJ = "DescribeServiceJob";
const _DSJR = "DescribeServiceJobRequest";
const _DSJRe = "DescribeServiceJobResponse";
const _DSP = "DeleteSchedulingPolicy";
const _DSPR = "DeleteSchedulingPolicyRequest";
const _DSPRe = "DeleteSchedulingPolicyResponse";
const _DSPRes = "DescribeSchedulingPoliciesRequest";
const _DSPResc = "DescribeSchedulingPoliciesResponse";
const _DSPe = "DescribeSchedulingPolicies";
const _EACD = "EksAttemptContainerDetail";
const _EACDk = "EksAttemptContainerDetails";
const _EAD = "EksAttemptDetail";
const _EADk = "EksAttemptDetails";
const _EC = "Ec2Configuration";
const _ECD = "EksContainerDetail";
const _ECDk = "EksContainerDetails";
const _ECEV = "EksContainerEnvironmentVariable";
const _ECEVk = "EksContainerEnvironmentVariables";
const _ECL = "Ec2ConfigurationList";
const _ECO = "EksContainerOverride";
const _ECOL = "EksContainerOverrideList";
const _ECRR = "EksContainerResourceRequirements";
const _ECSC = "EksContainerSecurityContext";
const _ECVM = "EksContainerVolumeMount";
const _ECVMk = "EksContainerVolumeMounts";
const _ECk = "EksConfiguration";
const _ECks = "EksContainer";
const _ECkso = "EksContainers";
const _EED = "EksEmptyDir";
const _EFSAC = "EFSAuthorizationConfig";
const _EFSVC = "EFSVolumeConfiguration";
const _EHP = "EksHostPath";
const _EM = "EksMetadata";
const _EOE = "EvaluateOnExit";
const _EOEL = "EvaluateOnExitList";
const _EP = "EcsProperties";
const _EPD = "EcsPropertiesDetail";
const _EPDk = "EksPropertiesDetail";
const _EPO = "EcsPropertiesOverride";
const _EPOk = "EksPropertiesOverride";
const _EPP = "EksPodProperties";
const _EPPD = "EksPodPropertiesDetail";
const _EPPO = "EksPodPropertiesOverride";
const _EPVC = "EksPersistentVolumeClaim";
const _EPk = "EksProperties";
const _ES = "EcsSettings";
const _ESk = "EksSecret";
const _ESp = "EphemeralStorage";
const _ETD = "EcsTaskDetails";
const _ETP = "EcsTaskProperties";
const _EV = "EksVolume";
const _EVk = "EksVolumes";
const _EVn = "EnvironmentVariables";
const _FC = "FirelensConfiguration";
const _FCU = "FairshareCapacityUsage";
const _FCUL = "FairshareCapacityUsageList";
const _FCULa = "FairshareCapacityUtilizationList";
const _FCUa = "FairshareCapacityUtilization";
const _FOQD = "FrontOfQueueDetail";
const _FOQJS = "FrontOfQueueJobSummary";
const _FOQJSL = "FrontOfQueueJobSummaryList";
const _FOQSD = "FrontOfQuotaSharesDetail";
const _FOQSJS = "FrontOfQuotaShareJobSummary";
const _FOQSJSL = "FrontOfQuotaShareJobSummaryList";
const _FOQSJSM = "FrontOfQuotaSharesJobSummaryMap";
const _FP = "FairsharePolicy";
const _FPC = "FargatePlatformConfiguration";
const _FUD = "FairshareUtilizationDetail";
const _GJQS = "GetJobQueueSnapshot";
const _GJQSR = "GetJobQueueSnapshotRequest";
const _GJQSRe = "GetJobQueueSnapshotResponse";
const _H = "Host";
const _ILT = "InstanceLaunchTemplate";
const _ILTU = "InstanceLaunchTemplateUpdate";
const _IO = "InfrastructureOptimization";
const _IPS = "ImagePullSecret";
const _IPSm = "ImagePullSecrets";
const _IRR = "InstanceRequirementsRequest";
const _JCUS = "JobCapacityUsageSummary";
const _JCUSL = "JobCapacityUsageSummaryList";
const _JD = "JobDefinition";
const _JDL = "JobDefinitionList";
const _JDLo = "JobDependencyList";
const _JDLob = "JobDetailList";
const _JDo = "JobDependency";
const _JDob = "JobDetail";
const _JQD = "JobQueueDetail";
const _JQDL = "JobQueueDetailList";
const _JS = "JobSummary";
const _JSL = "JobSummaryList";
const _JSTLA = "JobStateTimeLimitAction";
const _JSTLAo = "JobStateTimeLimitActions";
const _JT = "JobTimeout";
const _KVP = "KeyValuePair";
const _KVPe = "KeyValuesPair";
const _LAETD = "ListAttemptEcsTaskDetails";
const _LATCD = "ListAttemptTaskContainerDetails";
const _LC = "LogConfiguration";
const _LCR = "ListConsumableResources";
const _LCRFL = "ListConsumableResourcesFilterList";
const _LCRR = "ListConsumableResourcesRequest";
const _LCRRi = "ListConsumableResourcesResponse";
const _LETD = "ListEcsTaskDetails";
const _LETP = "ListEcsTaskProperties";
const _LJ = "ListJobs";
const _LJBCR = "ListJobsByConsumableResource";
const _LJBCRFL = "ListJobsByConsumableResourceFilterList";
const _LJBCRR = "ListJobsByConsumableResourceRequest";
const _LJBCRRi = "ListJobsByConsumableResourceResponse";
const _LJBCRS = "ListJobsByConsumableResourceSummary";
const _LJBCRSL = "ListJobsByConsumableResourceSummaryList";
const _LJFL = "ListJobsFilterList";
const _LJR = "ListJobsRequest";
const _LJRi = "ListJobsResponse";
const _LP = "LinuxParameters";
const _LQS = "ListQuotaShares";
const _LQSR = "ListQuotaSharesRequest";
const _LQSRi = "ListQuotaSharesResponse";
const _LSJ = "ListServiceJobs";
const _LSJA = "LatestServiceJobAttempt";
const _LSJR = "ListServiceJobsRequest";
const _LSJRi = "ListServiceJobsResponse";
const _LSP = "ListSchedulingPolicies";
const _LSPR = "ListSchedulingPoliciesRequest";
const _LSPRi = "ListSchedulingPoliciesResponse";
const _LTCD = "ListTaskContainerDetails";
const _LTCO = "ListTaskContainerOverrides";
const _LTCP = "ListTaskContainerProperties";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LTPO = "ListTaskPropertiesOverride";
const _LTS = "LaunchTemplateSpecification";
const _LTSO = "LaunchTemplateSpecificationOverride";
const _LTSOL = "LaunchTemplateSpecificationOverrideList";
const _MILSC = "ManagedInstancesLocalStorageConfiguration";
const _MINC = "ManagedInstancesNetworkConfiguration";
const _MIP = "ManagedInstancesProvider";
const _MISC = "ManagedInstancesStorageConfiguration";
const _MP = "MountPoint";
const _MPo = "MountPoints";
const _NC = "NetworkConfiguration";
const _ND = "NodeDetails";
const _NI = "NetworkInterface";
const _NIL = "NetworkInterfaceList";
const _NO = "NodeOverrides";
const _NP = "NodeProperties";
const _NPO = "NodePropertyOverride";
const _NPOo = "NodePropertyOverrides";
const _NPS = "NodePropertiesSummary";
const _NRP = "NodeRangeProperty";
const _NRPo = "NodeRangeProperties";
const _QSCL = "QuotaShareCapacityLimit";
const _QSCLu = "QuotaShareCapacityLimits";
const _QSCU = "QueueSnapshotCapacityUsage";
const _QSCUL = "QueueSnapshotCapacityUsageList";
const _QSCULu = "QuotaShareCapacityUsageList";
const _QSCULuo = "QuotaShareCapacityUtilizationList";
const _QSCUu = "QuotaShareCapacityUsage";
const _QSCUuo = "QuotaShareCapacityUtilization";
const _QSD = "QuotaShareDetail";
const _QSL = "QuotaShareList";
const _QSP = "QuotaSharePolicy";
const _QSPC = "QuotaSharePreemptionConfiguration";
const _QSRSC = "QuotaShareResourceSharingConfiguration";
const _QSUD = "QueueSnapshotUtilizationDetail";
const _QSUDu = "QuotaShareUtilizationDetail";
const _RC = "RepositoryCredentials";
const _RJD = "RegisterJobDefinition";
const _RJDR = "RegisterJobDefinitionRequest";
const _RJDRe = "RegisterJobDefinitionResponse";
const _RP = "RuntimePlatform";
const _RR = "ResourceRequirement";
const _RRe = "ResourceRequirements";
const _RS = "RetryStrategy";
const _S = "Secret";
const _SA = "ShareAttributes";
const _SAL = "ShareAttributesList";
const _SE = "ServerException";
const _SED = "ServiceEnvironmentDetail";
const _SEDL = "ServiceEnvironmentDetailList";
const _SEO = "ServiceEnvironmentOrder";
const _SEOe = "ServiceEnvironmentOrders";
const _SFVC = "S3FilesVolumeConfiguration";
const _SJ = "SubmitJob";
const _SJAD = "ServiceJobAttemptDetail";
const _SJADe = "ServiceJobAttemptDetails";
const _SJCUD = "ServiceJobCapacityUsageDetail";
const _SJCUDL = "ServiceJobCapacityUsageDetailList";
const _SJCUS = "ServiceJobCapacityUsageSummary";
const _SJCUSL = "ServiceJobCapacityUsageSummaryList";
const _SJEOE = "ServiceJobEvaluateOnExit";
const _SJEOEL = "ServiceJobEvaluateOnExitList";
const _SJPA = "ServiceJobPreemptedAttempt";
const _SJPC = "ServiceJobPreemptionConfiguration";
const _SJPS = "ServiceJobPreemptionSummary";
const _SJR = "SubmitJobRequest";
const _SJRPAL = "ServiceJobRecentPreemptedAttemptList";
const _SJRS = "ServiceJobRetryStrategy";
const _SJRu = "SubmitJobResponse";
const _SJS = "ServiceJobSummary";
const _SJSL = "ServiceJobSummaryList";
const _SJT = "ServiceJobTimeout";
const _SL = "SecretList";
const _SPD = "SchedulingPolicyDetail";
const _SPDL = "SchedulingPolicyDetailList";
const _SPLD = "SchedulingPolicyListingDetail";
const _SPLDL = "SchedulingPolicyListingDetailList";
const _SRI = "ServiceResourceId";
const _SSJ = "SubmitServiceJob";
const _SSJR = "SubmitServiceJobRequest";
const _SSJRu = "SubmitServiceJobResponse";
const _T = "Tmpfs";
const _TCD = "TaskContainerDependency";
const _TCDL = "TaskContainerDependencyList";
const _TCDa = "TaskContainerDetails";
const _TCO = "TaskContainerOverrides";
const _TCP = "TaskContainerProperties";
const _TJ = "TerminateJob";
const _TJED = "TerminateJobsErrorDetail";
const _TJEDL = "TerminateJobsErrorDetailList";
const _TJR = "TerminateJobRequest";
const _TJRe = "TerminateJobResponse";
const _TJRer = "TerminateJobsRequest";
const _TJRerm = "TerminateJobsResponse";
const _TJe = "TerminateJobs";
const _TL = "TmpfsList";
const _TPO = "TaskPropertiesOverride";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _TSJ = "TerminateServiceJob";
const _TSJED = "TerminateServiceJobsErrorDetail";
const _TSJEDL = "TerminateServiceJobsErrorDetailList";
const _TSJR = "TerminateServiceJobRequest";
const _TSJRe = "TerminateServiceJobResponse";
const _TSJRer = "TerminateServiceJobsRequest";
const _TSJRerm = "TerminateServiceJobsResponse";
const _TSJe = "TerminateServiceJobs";
const _U = "Ulimit";
const _UCE = "UpdateComputeEnvironment";
const _UCER = "UpdateComputeEnvironmentRequest";
const _UCERp = "UpdateComputeEnvironmentResponse";
const _UCR = "UpdateConsumableResource";
const _UCRR = "UpdateConsumableResourceRequest";
const _UCRRp = "UpdateConsumableResourceResponse";
const _UJQ = "UpdateJobQueue";
const _UJQR = "UpdateJobQueueRequest";
const _UJQRp = "UpdateJobQueueResponse";
const _UMIPC = "UpdateManagedInstancesProviderConfiguration";
const _UP = "UpdatePolicy";
const _UQS = "UpdateQuotaShare";
const _UQSR = "UpdateQuotaShareRequest";
const _UQSRp = "UpdateQuotaShareResponse";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _USE = "UpdateServiceEnvironment";
const _USER = "UpdateServiceEnvironmentRequest";
const _USERp = "UpdateServiceEnvironmentResponse";
const _USJ = "UpdateServiceJob";
const _USJR = "UpdateServiceJobRequest";
const _USJRp = "UpdateServiceJobResponse";
const _USP = "UpdateSchedulingPolicy";
const _USPR = "UpdateSchedulingPolicyRequest";
const _USPRp = "UpdateSchedulingPolicyResponse";
const _Ul = "Ulimits";
const _V = "Volume";
const _Vo = "Volumes";
const _a = "arn";
const _aC = "authorizationConfig";
const _aDS = "attemptDurationSeconds";
const _aI = "attachmentId";
const _aIT = "allowedInstanceTypes";
const _aJI = "arrayJobId";
const _aP = "arrayProperties";
const _aPA = "accessPointArn";
const _aPE = "allowPrivilegeEscalation";
const _aPI = "accessPointId";
const _aPIs = "assignPublicIp";
const _aQ = "availableQuantity";
const _aS = "allocationStrategy";
const _aSC = "activeShareCount";
const _ac = "action";
const _an = "annotations";
const _ar = "arns";
const _arg = "args";
const _at = "attempts";
const _bIS = "batchImageStatus";
const _bL = "borrowLimit";
const _bP = "bidPercentage";
const _c = "client";
const _cA = "createdAt";
const _cAp = "cpuArchitecture";
const _cE = "computeEnvironment";
const _cEA = "computeEnvironmentArn";
const _cEN = "computeEnvironmentName";
const _cEO = "computeEnvironmentOrder";
const _cEo = "computeEnvironments";
const _cI = "containerInsights";
const _cIA = "containerInstanceArn";
const _cID = "containerID";
const _cL = "capacityLimits";
const _cN = "claimName";
const _cNo = "containerName";
const _cO = "containerOverrides";
const _cOT = "containerOrchestrationType";
const _cOTa = "capacityOptionType";
const _cP = "containerPath";
const _cPo = "containerProperties";
const _cPr = "credentialsParameter";
const _cR = "computeResources";
const _cRA = "consumableResourceArn";
const _cRL = "consumableResourceList";
const _cRN = "consumableResourceName";
const _cRP = "consumableResourceProperties";
const _cRPO = "consumableResourcePropertiesOverride";
const _cRa = "capacityReservations";
const _cRo = "consumableResource";
const _cRom = "computeReservation";
const _cRon = "consumableResources";
const _cT = "capacityTags";
const _cTl = "clientToken";
const _cU = "capacityUnit";
const _cUa = "capacityUsage";
const _co = "container";
const _cod = "code";
const _com = "command";
const _con = "containers";
const _cond = "condition";
const _cont = "context";
const _d = "devices";
const _dC = "desiredvCpus";
const _dO = "dependsOn";
const _dP = "dnsPolicy";
const _e = "error";
const _eA = "eksAttempts";
const _eC = "exitCode";
const _eCA = "ecsClusterArn";
const _eCAk = "eksClusterArn";
const _eCc = "ec2Configuration";
const _eCk = "eksConfiguration";
const _eD = "emptyDir";
const _eEC = "enableExecuteCommand";
const _eIPA = "ec2InstanceProfileArn";
const _eKP = "ec2KeyPair";
const _eOE = "evaluateOnExit";
const _eP = "ecsProperties";
const _ePO = "ecsPropertiesOverride";
const _ePOk = "eksPropertiesOverride";
const _ePk = "eksProperties";
const _eRA = "executionRoleArn";
const _eS = "ecsSettings";
const _eSp = "ephemeralStorage";
const _eTAP = "earliestTimeAtPosition";
const _eVC = "efsVolumeConfiguration";
const _en = "environment";
const _env = "env";
const _er = "errors";
const _es = "essential";
const _f = "filters";
const _fC = "firelensConfiguration";
const _fE = "fipsEnabled";
const _fOQ = "frontOfQueue";
const _fOQS = "frontOfQuotaShares";
const _fP = "fairsharePolicy";
const _fPC = "fargatePlatformConfiguration";
const _fSA = "fileSystemArn";
const _fSI = "fileSystemId";
const _fU = "fairshareUtilization";
const _h = "host";
const _hE = "httpError";
const _hL = "hardLimit";
const _hN = "hostNetwork";
const _hP = "hostPath";
const _hQ = "httpQuery";
const _ht = "http";
const _i = "index";
const _iA = "ipv6Address";
const _iC = "initContainers";
const _iCs = "isCancelled";
const _iI = "imageId";
const _iIO = "imageIdOverride";
const _iKV = "imageKubernetesVersion";
const _iLT = "instanceLaunchTemplate";
const _iM = "ipcMode";
const _iMN = "isMainNode";
const _iMTP = "instanceMetadataTagsPropagation";
const _iO = "infrastructureOptimization";
const _iPE = "initProcessEnabled";
const _iPP = "imagePullPolicy";
const _iPS = "imagePullSecrets";
const _iR = "instanceRole";
const _iRA = "infrastructureRoleArn";
const _iRAS = "idleResourceAssignmentStrategy";
const _iRn = "instanceRequirements";
const _iSP = "inSharePreemption";
const _iT = "instanceTypes";
const _iTm = "imageType";
const _iTn = "instanceType";
const _iTs = "isTerminated";
const _iUQ = "inUseQuantity";
const _ia = "iam";
const _im = "image";
const _j = "job";
const _jA = "jobArn";
const _jD = "jobDefinition";
const _jDA = "jobDefinitionArn";
const _jDN = "jobDefinitionName";
const _jDo = "jobDefinitions";
const _jETM = "jobExecutionTimeoutMinutes";
const _jI = "jobId";
const _jN = "jobName";
const _jQ = "jobQueue";
const _jQA = "jobQueueArn";
const _jQN = "jobQueueName";
const _jQT = "jobQueueType";
const _jQo = "jobQueues";
const _jRA = "jobRoleArn";
const _jS = "jobStatus";
const _jSL = "jobSummaryList";
const _jSTLA = "jobStateTimeLimitActions";
const _jo = "jobs";
const _kN = "kubernetesNamespace";
const _l = "limits";
const _lA = "latestAttempt";
const _lC = "logConfiguration";
const _lD = "logDriver";
const _lP = "linuxParameters";
const _lSC = "localStorageConfiguration";
const _lSN = "logStreamName";
const _lT = "launchTemplate";
const _lTI = "launchTemplateId";
const _lTN = "launchTemplateName";
const _lUA = "lastUpdatedAt";
const _la = "labels";
const _m = "message";
const _mC = "maxCapacity";
const _mCa = "maxvCpus";
const _mCi = "minvCpus";
const _mIP = "managedInstancesProvider";
const _mN = "mainNode";
const _mNJI = "multiNodeJobId";
const _mO = "mountOptions";
const _mP = "mountPoints";
const _mPo = "mountPath";
const _mR = "maxResults";
const _mS = "maxSwap";
const _mSDDM = "minScaleDownDelayMinutes";
const _mTS = "maxTimeSeconds";
const _me = "memory";
const _med = "medium";
const _met = "metadata";
const _mo = "monitoring";
const _n = "name";
const _nC = "networkConfiguration";
const _nD = "nodeDetails";
const _nI = "networkInterfaces";
const _nIo = "nodeIndex";
const _nM = "networkMode";
const _nN = "nodeName";
const _nNu = "numNodes";
const _nO = "nodeOverrides";
const _nP = "nodeProperties";
const _nPO = "nodePropertyOverrides";
const _nRP = "nodeRangeProperties";
const _nT = "nextToken";
const _na = "namespace";
const _o = "order";
const _oEC = "onExitCode";
const _oR = "onReason";
const _oSF = "operatingSystemFamily";
const _oSR = "onStatusReason";
const _op = "optional";
const _ope = "operation";
const _opt = "options";
const _ov = "overrides";
const _p = "privileged";
const _pAC = "preemptedAttemptCount";
const _pC = "preemptionConfiguration";
const _pCl = "platformCapabilities";
const _pG = "placementGroup";
const _pIA = "privateIpv4Address";
const _pM = "pidMode";
const _pN = "podName";
const _pNo = "podNamespace";
const _pP = "podProperties";
const _pRBT = "preemptionRetriesBeforeTermination";
const _pS = "preemptionSummary";
const _pT = "propagateTags";
const _pV = "platformVersion";
const _pVC = "persistentVolumeClaim";
const _pa = "path";
const _par = "parameters";
const _pe = "permissions";
const _pr = "priority";
const _q = "quantity";
const _qS = "quotaShares";
const _qSA = "quotaShareArn";
const _qSN = "quotaShareName";
const _qSP = "quotaSharePolicy";
const _qSU = "quotaShareUtilization";
const _qU = "queueUtilization";
const _r = "reason";
const _rA = "resourceArn";
const _rAG = "runAsGroup";
const _rANR = "runAsNonRoot";
const _rAU = "runAsUser";
const _rC = "repositoryCredentials";
const _rD = "rootDirectory";
const _rGA = "reservationGroupArn";
const _rO = "readOnly";
const _rORF = "readOnlyRootFilesystem";
const _rP = "reservationPreference";
const _rPA = "recentPreemptedAttempts";
const _rPu = "runtimePlatform";
const _rR = "resourceRequirements";
const _rRF = "readonlyRootFilesystem";
const _rS = "retryStrategy";
const _rSC = "resourceSharingConfiguration";
const _rT = "resourceType";
const _re = "resources";
const _req = "requests";
const _rev = "revision";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.batch";
const _sA = "startedAt";
const _sAN = "serviceAccountName";
const _sAc = "scheduledAt";
const _sAt = "stoppedAt";
const _sC = "securityContext";
const _sCt = "storageConfiguration";
const _sD = "shareDistribution";
const _sDS = "shareDecaySeconds";
const _sE = "serviceEnvironment";
const _sEA = "serviceEnvironmentArn";
const _sEN = "serviceEnvironmentName";
const _sEO = "serviceEnvironmentOrder";
const _sET = "serviceEnvironmentType";
const _sEe = "serviceEnvironments";
const _sG = "securityGroups";
const _sGI = "securityGroupIds";
const _sI = "shareIdentifier";
const _sIA = "scaleInAfter";
const _sIFR = "spotIamFleetRole";
const _sIGB = "sizeInGiB";
const _sJT = "serviceJobType";
const _sL = "sizeLimit";
const _sLo = "softLimit";
const _sMS = "sharedMemorySize";
const _sN = "secretName";
const _sO = "secretOptions";
const _sP = "scalingPolicy";
const _sPA = "schedulingPolicyArn";
const _sPN = "shareProcessNamespace";
const _sPO = "schedulingPriorityOverride";
const _sPc = "schedulingPolicies";
const _sPch = "schedulingPriority";
const _sPo = "sourcePath";
const _sPu = "subPath";
const _sR = "statusReason";
const _sRI = "serviceResourceId";
const _sRP = "serviceRequestPayload";
const _sRe = "serviceRole";
const _sS = "statusSummary";
const _sSGB = "storageSizeGiB";
const _sSLUA = "statusSummaryLastUpdatedAt";
const _sT = "startTimeout";
const _sTt = "stopTimeout";
const _sV = "sourceVolume";
const _sVC = "s3filesVolumeConfiguration";
const _se = "server";
const _sec = "secrets";
const _secr = "secret";
const _si = "size";
const _st = "state";
const _sta = "status";
const _str = "strategy";
const _su = "successful";
const _sub = "subnets";
const _sw = "swappiness";
const _t = "tags";
const _tA = "taskArn";
const _tC = "timeoutConfig";
const _tCU = "topCapacityUtilization";
const _tCUo = "totalCapacityUsage";
const _tE = "transitEncryption";
const _tEP = "transitEncryptionPort";
const _tIT = "targetInstanceTypes";
const _tJOU = "terminateJobsOnUpdate";
const _tK = "tagKeys";
const _tN = "targetNodes";
const _tP = "taskProperties";
const _tQ = "totalQuantity";
const _tRA = "taskRoleArn";
const _ti = "timeout";
const _tm = "tmpfs";
const _ty = "type";
const _u = "uuid";
const _uC = "unmanagedvCpus";
const _uLS = "useLocalStorage";
const _uP = "updatePolicy";
const _uT = "userdataType";
const _uTLIV = "updateToLatestImageVersion";
const _ul = "ulimits";
const _us = "user";
const _v = "vcpus";
const _vF = "valueFrom";
const _vM = "volumeMounts";
const _va = "value";
const _val = "values";
const _ve = "version";
const _vo = "volumes";
const _wF = "weightFactor";
const n0 = "com.amazonaws.batch";
const _s_registry = new TypeRegistry(_s);
var BatchServiceException$ = [-3, _s, "BatchServiceException", 0, [], []];
_s_registry.registerError(BatchServiceException$, BatchServiceException);
const n0_registry = new TypeRegistry(n0);
var ClientException$ = [-3, n0, _CE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(ClientException$, ClientException);
var ServerException$ = [-3, n0, _SE,
    { [_e]: _se, [_hE]: 500 },
    [_m],
    [0]
];
n0_registry.registerError(ServerException$, ServerException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var ArrayProperties$ = [3, n0, _AP,
    0,
    [_si],
    [1]
];
var ArrayPropertiesDetail$ = [3, n0, _APD,
    0,
    [_sS, _sSLUA, _si, _i],
    [128 | 1, 1, 1, 1]
];
var ArrayPropertiesSummary$ = [3, n0, _APS,
    0,
    [_si, _i, _sS, _sSLUA],
    [1, 1, 128 | 1, 1]
];
var AttemptContainerDetail$ = [3, n0, _ACD,
    0,
    [_cIA, _tA, _eC, _r, _lSN, _nI],
    [0, 0, 1, 0, 0, () => NetworkInterfaceList]
];
var AttemptDetail$ = [3, n0, _AD,
    0,
    [_co, _sA, _sAt, _sR, _tP],
    [() => AttemptContainerDetail$, 1, 1, 0, () => ListAttemptEcsTaskDetails]
];
var AttemptEcsTaskDetails$ = [3, n0, _AETD,
    0,
    [_cIA, _tA, _con],
    [0, 0, () => ListAttemptTaskContainerDetails]
];
var AttemptTaskContainerDetails$ = [3, n0, _ATCD,
    0,
    [_eC, _n, _r, _lSN, _nI],
    [1, 0, 0, 0, () => NetworkInterfaceList]
];
var CancelJobRequest$ = [3, n0, _CJR,
    0,
    [_jI, _r],
    [0, 0], 2
];
var CancelJobResponse$ = [3, n0, _CJRa,
    0,
    [],
    []
];
var CancelJobsErrorDetail$ = [3, n0, _CJED,
    0,
    [_j, _cod, _m],
    [0, 0, 0], 3
];
var CancelJobsRequest$ = [3, n0, _CJRan,
    0,
    [_jo, _r],
    [64 | 0, 0], 2
];
var CancelJobsResponse$ = [3, n0, _CJRanc,
    0,
    [_su, _er],
    [64 | 0, () => CancelJobsErrorDetailList], 2
];
var CapacityLimit$ = [3, n0, _CL,
    0,
    [_mC, _cU],
    [1, 0]
];
var CapacityReservationRequest$ = [3, n0, _CRR,
    0,
    [_rGA, _rP],
    [0, 0]
];
var ComputeEnvironmentDetail$ = [3, n0, _CED,
    0,
    [_cEN, _cEA, _uC, _eCA, _t, _ty, _st, _sta, _sR, _cR, _sRe, _uP, _eCk, _cOT, _u, _cont, _eS],
    [0, 0, 1, 0, 128 | 0, 0, 0, 0, 0, () => ComputeResource$, 0, () => UpdatePolicy$, () => EksConfiguration$, 0, 0, 0, () => EcsSettings$], 2
];
var ComputeEnvironmentOrder$ = [3, n0, _CEO,
    0,
    [_o, _cE],
    [1, 0], 2
];
var ComputeResource$ = [3, n0, _CR,
    0,
    [_ty, _mCa, _aS, _mCi, _dC, _iT, _iI, _sub, _sGI, _eKP, _iR, _t, _pG, _bP, _sIFR, _lT, _eCc, _sP, _mIP, _cT],
    [0, 1, 0, 1, 1, 64 | 0, 0, 64 | 0, 64 | 0, 0, 0, 128 | 0, 0, 1, 0, () => LaunchTemplateSpecification$, () => Ec2ConfigurationList, () => ComputeScalingPolicy$, () => ManagedInstancesProvider$, 128 | 0], 2
];
var ComputeResourceUpdate$ = [3, n0, _CRU,
    0,
    [_mCi, _mCa, _dC, _sub, _sGI, _aS, _iT, _eKP, _iR, _t, _pG, _bP, _lT, _eCc, _uTLIV, _ty, _iI, _sP, _mIP, _cT],
    [1, 1, 1, 64 | 0, 64 | 0, 0, 64 | 0, 0, 0, 128 | 0, 0, 1, () => LaunchTemplateSpecification$, () => Ec2ConfigurationList, 2, 0, 0, () => ComputeScalingPolicy$, () => UpdateManagedInstancesProviderConfiguration$, 128 | 0]
];
var ComputeScalingPolicy$ = [3, n0, _CSP,
    0,
    [_mSDDM],
    [1]
];
var ConsumableResourceProperties$ = [3, n0, _CRP,
    0,
    [_cRL],
    [() => ConsumableResourceList]
];
var ConsumableResourceRequirement$ = [3, n0, _CRRo,
    0,
    [_cRo, _q],
    [0, 1]
];
var ConsumableResourceSummary$ = [3, n0, _CRS,
    0,
    [_cRA, _cRN, _tQ, _iUQ, _rT],
    [0, 0, 1, 1, 0], 2
];
var ContainerDetail$ = [3, n0, _CD,
    0,
    [_im, _v, _me, _com, _jRA, _eRA, _vo, _en, _mP, _rRF, _ul, _p, _us, _eC, _r, _cIA, _tA, _lSN, _iTn, _nI, _rR, _lP, _lC, _sec, _nC, _fPC, _eSp, _rPu, _rC, _eEC],
    [0, 1, 1, 64 | 0, 0, 0, () => Volumes, () => EnvironmentVariables, () => MountPoints, 2, () => Ulimits, 2, 0, 1, 0, 0, 0, 0, 0, () => NetworkInterfaceList, () => ResourceRequirements, () => LinuxParameters$, () => LogConfiguration$, () => SecretList, () => NetworkConfiguration$, () => FargatePlatformConfiguration$, () => EphemeralStorage$, () => RuntimePlatform$, () => RepositoryCredentials$, 2]
];
var ContainerOverrides$ = [3, n0, _CO,
    0,
    [_v, _me, _com, _iTn, _en, _rR],
    [1, 1, 64 | 0, 0, () => EnvironmentVariables, () => ResourceRequirements]
];
var ContainerProperties$ = [3, n0, _CP,
    0,
    [_im, _v, _me, _com, _jRA, _eRA, _vo, _en, _mP, _rRF, _p, _ul, _us, _iTn, _rR, _lP, _lC, _sec, _nC, _fPC, _eEC, _eSp, _rPu, _rC],
    [0, 1, 1, 64 | 0, 0, 0, () => Volumes, () => EnvironmentVariables, () => MountPoints, 2, 2, () => Ulimits, 0, 0, () => ResourceRequirements, () => LinuxParameters$, () => LogConfiguration$, () => SecretList, () => NetworkConfiguration$, () => FargatePlatformConfiguration$, 2, () => EphemeralStorage$, () => RuntimePlatform$, () => RepositoryCredentials$]
];
var ContainerSummary$ = [3, n0, _CS,
    0,
    [_eC, _r],
    [1, 0]
];
var CreateComputeEnvironmentRequest$ = [3, n0, _CCER,
    0,
    [_cEN, _ty, _st, _uC, _cR, _sRe, _t, _eCk, _cont, _eS],
    [0, 0, 0, 1, () => ComputeResource$, 0, 128 | 0, () => EksConfiguration$, 0, () => EcsSettings$], 2
];
var CreateComputeEnvironmentResponse$ = [3, n0, _CCERr,
    0,
    [_cEN, _cEA],
    [0, 0]
];
var CreateConsumableResourceRequest$ = [3, n0, _CCRR,
    0,
    [_cRN, _tQ, _rT, _t],
    [0, 1, 0, 128 | 0], 1
];
var CreateConsumableResourceResponse$ = [3, n0, _CCRRr,
    0,
    [_cRN, _cRA],
    [0, 0], 2
];
var CreateJobQueueRequest$ = [3, n0, _CJQR,
    0,
    [_jQN, _pr, _st, _sPA, _cEO, _sEO, _jQT, _t, _jSTLA],
    [0, 1, 0, 0, () => ComputeEnvironmentOrders, () => ServiceEnvironmentOrders, 0, 128 | 0, () => JobStateTimeLimitActions], 2
];
var CreateJobQueueResponse$ = [3, n0, _CJQRr,
    0,
    [_jQN, _jQA],
    [0, 0], 2
];
var CreateQuotaShareRequest$ = [3, n0, _CQSR,
    0,
    [_qSN, _jQ, _cL, _rSC, _pC, _st, _t],
    [0, 0, () => QuotaShareCapacityLimits, () => QuotaShareResourceSharingConfiguration$, () => QuotaSharePreemptionConfiguration$, 0, 128 | 0], 5
];
var CreateQuotaShareResponse$ = [3, n0, _CQSRr,
    0,
    [_qSN, _qSA],
    [0, 0]
];
var CreateSchedulingPolicyRequest$ = [3, n0, _CSPR,
    0,
    [_n, _qSP, _fP, _t],
    [0, () => QuotaSharePolicy$, () => FairsharePolicy$, 128 | 0], 1
];
var CreateSchedulingPolicyResponse$ = [3, n0, _CSPRr,
    0,
    [_n, _a],
    [0, 0], 2
];
var CreateServiceEnvironmentRequest$ = [3, n0, _CSER,
    0,
    [_sEN, _sET, _cL, _st, _t],
    [0, 0, () => CapacityLimits, 0, 128 | 0], 3
];
var CreateServiceEnvironmentResponse$ = [3, n0, _CSERr,
    0,
    [_sEN, _sEA],
    [0, 0], 2
];
var DeleteComputeEnvironmentRequest$ = [3, n0, _DCER,
    0,
    [_cE],
    [0], 1
];
var DeleteComputeEnvironmentResponse$ = [3, n0, _DCERe,
    0,
    [],
    []
];
var DeleteConsumableResourceRequest$ = [3, n0, _DCRR,
    0,
    [_cRo],
    [0], 1
];
var DeleteConsumableResourceResponse$ = [3, n0, _DCRRe,
    0,
    [],
    []
];
var DeleteJobQueueRequest$ = [3, n0, _DJQR,
    0,
    [_jQ],
    [0], 1
];
var DeleteJobQueueResponse$ = [3, n0, _DJQRe,
    0,
    [],
    []
];
var DeleteQuotaShareRequest$ = [3, n0, _DQSR,
    0,
    [_qSA],
    [0], 1
];
var DeleteQuotaShareResponse$ = [3, n0, _DQSRe,
    0,
    [],
    []
];
var DeleteSchedulingPolicyRequest$ = [3, n0, _DSPR,
    0,
    [_a],
    [0], 1
];
var DeleteSchedulingPolicyResponse$ = [3, n0, _DSPRe,
    0,
    [],
    []
];
var DeleteServiceEnvironmentRequest$ = [3, n0, _DSER,
    0,
    [_sE],
    [0], 1
];
var DeleteServiceEnvironmentResponse$ = [3, n0, _DSERe,
    0,
    [],
    []
];
var DeregisterJobDefinitionRequest$ = [3, n0, _DJDR,
    0,
    [_jD],
    [0], 1
];
var DeregisterJobDefinitionResponse$ = [3, n0, _DJDRe,
    0,
    [],
    []
];
var DescribeComputeEnvironmentsRequest$ = [3, n0, _DCERes,
    0,
    [_cEo, _mR, _nT],
    [64 | 0, 1, 0]
];
var DescribeComputeEnvironmentsResponse$ = [3, n0, _DCEResc,
    0,
    [_cEo, _nT],
    [() => ComputeEnvironmentDetailList, 0]
];
var DescribeConsumableResourceRequest$ = [3, n0, _DCRRes,
    0,
    [_cRo],
    [0], 1
];
var DescribeConsumableResourceResponse$ = [3, n0, _DCRResc,
    0,
    [_cRN, _cRA, _tQ, _iUQ, _aQ, _rT, _cA, _t],
    [0, 0, 1, 1, 1, 0, 1, 128 | 0], 2
];
var DescribeJobDefinitionsRequest$ = [3, n0, _DJDRes,
    0,
    [_jDo, _mR, _jDN, _sta, _nT],
    [64 | 0, 1, 0, 0, 0]
];
var DescribeJobDefinitionsResponse$ = [3, n0, _DJDResc,
    0,
    [_jDo, _nT],
    [() => JobDefinitionList, 0]
];
var DescribeJobQueuesRequest$ = [3, n0, _DJQRes,
    0,
    [_jQo, _mR, _nT],
    [64 | 0, 1, 0]
];
var DescribeJobQueuesResponse$ = [3, n0, _DJQResc,
    0,
    [_jQo, _nT],
    [() => JobQueueDetailList, 0]
];
var DescribeJobsRequest$ = [3, n0, _DJR,
    0,
    [_jo],
    [64 | 0], 1
];
var DescribeJobsResponse$ = [3, n0, _DJRe,
    0,
    [_jo],
    [() => JobDetailList]
];
var DescribeQuotaShareRequest$ = [3, n0, _DQSRes,
    0,
    [_qSA],
    [0], 1
];
var DescribeQuotaShareResponse$ = [3, n0, _DQSResc,
    0,
    [_qSN, _qSA, _jQA, _cL, _rSC, _pC, _st, _sta, _t],
    [0, 0, 0, () => QuotaShareCapacityLimits, () => QuotaShareResourceSharingConfiguration$, () => QuotaSharePreemptionConfiguration$, 0, 0, 128 | 0]
];
var DescribeSchedulingPoliciesRequest$ = [3, n0, _DSPRes,
    0,
    [_ar],
    [64 | 0], 1
];
var DescribeSchedulingPoliciesResponse$ = [3, n0, _DSPResc,
    0,
    [_sPc],
    [() => SchedulingPolicyDetailList]
];
var DescribeServiceEnvironmentsRequest$ = [3, n0, _DSERes,
    0,
    [_sEe, _mR, _nT],
    [64 | 0, 1, 0]
];
var DescribeServiceEnvironmentsResponse$ = [3, n0, _DSEResc,
    0,
    [_sEe, _nT],
    [() => ServiceEnvironmentDetailList, 0]
];
var DescribeServiceJobRequest$ = [3, n0, _DSJR,
    0,
    [_jI],
    [0], 1
];
var DescribeServiceJobResponse$ = [3, n0, _DSJRe,
    0,
    [_jI, _jN, _jQ, _sJT, _sA, _sta, _at, _cUa, _cA, _iTs, _jA, _lA, _rS, _sAc, _sPch, _sRP, _sI, _qSN, _pC, _pS, _sR, _sAt, _t, _tC],
    [0, 0, 0, 0, 1, 0, () => ServiceJobAttemptDetails, () => ServiceJobCapacityUsageDetailList, 1, 2, 0, () => LatestServiceJobAttempt$, () => ServiceJobRetryStrategy$, 1, 1, 0, 0, 0, () => ServiceJobPreemptionConfiguration$, () => ServiceJobPreemptionSummary$, 0, 1, 128 | 0, () => ServiceJobTimeout$], 6
];
var Device$ = [3, n0, _D,
    0,
    [_hP, _cP, _pe],
    [0, 0, 64 | 0], 1
];
var Ec2Configuration$ = [3, n0, _EC,
    0,
    [_iTm, _iIO, _bIS, _iKV],
    [0, 0, 0, 0], 1
];
var EcsProperties$ = [3, n0, _EP,
    0,
    [_tP],
    [() => ListEcsTaskProperties], 1
];
var EcsPropertiesDetail$ = [3, n0, _EPD,
    0,
    [_tP],
    [() => ListEcsTaskDetails]
];
var EcsPropertiesOverride$ = [3, n0, _EPO,
    0,
    [_tP],
    [() => ListTaskPropertiesOverride]
];
var EcsSettings$ = [3, n0, _ES,
    0,
    [_cI],
    [0]
];
var EcsTaskDetails$ = [3, n0, _ETD,
    0,
    [_con, _cIA, _tA, _eSp, _eRA, _pV, _iM, _tRA, _pM, _nC, _rPu, _vo, _eEC, _nM],
    [() => ListTaskContainerDetails, 0, 0, () => EphemeralStorage$, 0, 0, 0, 0, 0, () => NetworkConfiguration$, () => RuntimePlatform$, () => Volumes, 2, 0]
];
var EcsTaskProperties$ = [3, n0, _ETP,
    0,
    [_con, _eSp, _eRA, _pV, _iM, _tRA, _pM, _nC, _rPu, _vo, _eEC, _nM],
    [() => ListTaskContainerProperties, () => EphemeralStorage$, 0, 0, 0, 0, 0, () => NetworkConfiguration$, () => RuntimePlatform$, () => Volumes, 2, 0], 1
];
var EFSAuthorizationConfig$ = [3, n0, _EFSAC,
    0,
    [_aPI, _ia],
    [0, 0]
];
var EFSVolumeConfiguration$ = [3, n0, _EFSVC,
    0,
    [_fSI, _rD, _tE, _tEP, _aC],
    [0, 0, 0, 1, () => EFSAuthorizationConfig$], 1
];
var EksAttemptContainerDetail$ = [3, n0, _EACD,
    0,
    [_n, _cID, _eC, _r],
    [0, 0, 1, 0]
];
var EksAttemptDetail$ = [3, n0, _EAD,
    0,
    [_con, _iC, _eCAk, _pN, _pNo, _nN, _sA, _sAt, _sR],
    [() => EksAttemptContainerDetails, () => EksAttemptContainerDetails, 0, 0, 0, 0, 1, 1, 0]
];
var EksConfiguration$ = [3, n0, _ECk,
    0,
    [_eCAk, _kN],
    [0, 0], 2
];
var EksContainer$ = [3, n0, _ECks,
    0,
    [_im, _n, _iPP, _com, _arg, _env, _re, _vM, _sC],
    [0, 0, 0, 64 | 0, 64 | 0, () => EksContainerEnvironmentVariables, () => EksContainerResourceRequirements$, () => EksContainerVolumeMounts, () => EksContainerSecurityContext$], 1
];
var EksContainerDetail$ = [3, n0, _ECD,
    0,
    [_n, _im, _iPP, _com, _arg, _env, _re, _eC, _r, _vM, _sC],
    [0, 0, 0, 64 | 0, 64 | 0, () => EksContainerEnvironmentVariables, () => EksContainerResourceRequirements$, 1, 0, () => EksContainerVolumeMounts, () => EksContainerSecurityContext$]
];
var EksContainerEnvironmentVariable$ = [3, n0, _ECEV,
    0,
    [_n, _va],
    [0, 0], 1
];
var EksContainerOverride$ = [3, n0, _ECO,
    0,
    [_n, _im, _com, _arg, _env, _re],
    [0, 0, 64 | 0, 64 | 0, () => EksContainerEnvironmentVariables, () => EksContainerResourceRequirements$]
];
var EksContainerResourceRequirements$ = [3, n0, _ECRR,
    0,
    [_l, _req],
    [128 | 0, 128 | 0]
];
var EksContainerSecurityContext$ = [3, n0, _ECSC,
    0,
    [_rAU, _rAG, _p, _aPE, _rORF, _rANR],
    [1, 1, 2, 2, 2, 2]
];
var EksContainerVolumeMount$ = [3, n0, _ECVM,
    0,
    [_n, _mPo, _sPu, _rO],
    [0, 0, 0, 2]
];
var EksEmptyDir$ = [3, n0, _EED,
    0,
    [_med, _sL],
    [0, 0]
];
var EksHostPath$ = [3, n0, _EHP,
    0,
    [_pa],
    [0]
];
var EksMetadata$ = [3, n0, _EM,
    0,
    [_la, _an, _na],
    [128 | 0, 128 | 0, 0]
];
var EksPersistentVolumeClaim$ = [3, n0, _EPVC,
    0,
    [_cN, _rO],
    [0, 2], 1
];
var EksPodProperties$ = [3, n0, _EPP,
    0,
    [_sAN, _hN, _dP, _iPS, _con, _iC, _vo, _met, _sPN],
    [0, 2, 0, () => ImagePullSecrets, () => EksContainers, () => EksContainers, () => EksVolumes, () => EksMetadata$, 2]
];
var EksPodPropertiesDetail$ = [3, n0, _EPPD,
    0,
    [_sAN, _hN, _dP, _iPS, _con, _iC, _vo, _pN, _nN, _met, _sPN],
    [0, 2, 0, () => ImagePullSecrets, () => EksContainerDetails, () => EksContainerDetails, () => EksVolumes, 0, 0, () => EksMetadata$, 2]
];
var EksPodPropertiesOverride$ = [3, n0, _EPPO,
    0,
    [_con, _iC, _met],
    [() => EksContainerOverrideList, () => EksContainerOverrideList, () => EksMetadata$]
];
var EksProperties$ = [3, n0, _EPk,
    0,
    [_pP],
    [() => EksPodProperties$]
];
var EksPropertiesDetail$ = [3, n0, _EPDk,
    0,
    [_pP],
    [() => EksPodPropertiesDetail$]
];
var EksPropertiesOverride$ = [3, n0, _EPOk,
    0,
    [_pP],
    [() => EksPodPropertiesOverride$]
];
var EksSecret$ = [3, n0, _ESk,
    0,
    [_sN, _op],
    [0, 2], 1
];
var EksVolume$ = [3, n0, _EV,
    0,
    [_n, _hP, _eD, _secr, _pVC],
    [0, () => EksHostPath$, () => EksEmptyDir$, () => EksSecret$, () => EksPersistentVolumeClaim$], 1
];
var EphemeralStorage$ = [3, n0, _ESp,
    0,
    [_sIGB],
    [1], 1
];
var EvaluateOnExit$ = [3, n0, _EOE,
    0,
    [_ac, _oSR, _oR, _oEC],
    [0, 0, 0, 0], 1
];
var FairshareCapacityUsage$ = [3, n0, _FCU,
    0,
    [_cU, _q],
    [0, 1]
];
var FairshareCapacityUtilization$ = [3, n0, _FCUa,
    0,
    [_sI, _cUa],
    [0, () => FairshareCapacityUsageList]
];
var FairsharePolicy$ = [3, n0, _FP,
    0,
    [_sDS, _cRom, _sD],
    [1, 1, () => ShareAttributesList]
];
var FairshareUtilizationDetail$ = [3, n0, _FUD,
    0,
    [_aSC, _tCU],
    [1, () => FairshareCapacityUtilizationList]
];
var FargatePlatformConfiguration$ = [3, n0, _FPC,
    0,
    [_pV],
    [0]
];
var FirelensConfiguration$ = [3, n0, _FC,
    0,
    [_ty, _opt],
    [0, 128 | 0], 1
];
var FrontOfQueueDetail$ = [3, n0, _FOQD,
    0,
    [_jo, _lUA],
    [() => FrontOfQueueJobSummaryList, 1]
];
var FrontOfQueueJobSummary$ = [3, n0, _FOQJS,
    0,
    [_jA, _eTAP],
    [0, 1]
];
var FrontOfQuotaShareJobSummary$ = [3, n0, _FOQSJS,
    0,
    [_jA, _eTAP],
    [0, 1]
];
var FrontOfQuotaSharesDetail$ = [3, n0, _FOQSD,
    0,
    [_qS, _lUA],
    [() => FrontOfQuotaSharesJobSummaryMap, 1]
];
var GetJobQueueSnapshotRequest$ = [3, n0, _GJQSR,
    0,
    [_jQ],
    [0], 1
];
var GetJobQueueSnapshotResponse$ = [3, n0, _GJQSRe,
    0,
    [_fOQ, _fOQS, _qU],
    [() => FrontOfQueueDetail$, () => FrontOfQuotaSharesDetail$, () => QueueSnapshotUtilizationDetail$]
];
var Host$ = [3, n0, _H,
    0,
    [_sPo],
    [0]
];
var ImagePullSecret$ = [3, n0, _IPS,
    0,
    [_n],
    [0], 1
];
var InfrastructureOptimization$ = [3, n0, _IO,
    0,
    [_sIA],
    [1]
];
var InstanceLaunchTemplate$ = [3, n0, _ILT,
    0,
    [_eIPA, _nC, _iRn, _cOTa, _sCt, _mo, _fE, _cRa, _iMTP, _lSC],
    [0, () => ManagedInstancesNetworkConfiguration$, () => InstanceRequirementsRequest$, 0, () => ManagedInstancesStorageConfiguration$, 0, 2, () => CapacityReservationRequest$, 2, () => ManagedInstancesLocalStorageConfiguration$], 2
];
var InstanceLaunchTemplateUpdate$ = [3, n0, _ILTU,
    0,
    [_eIPA, _nC, _iRn, _sCt, _mo, _cRa, _iMTP, _lSC],
    [0, () => ManagedInstancesNetworkConfiguration$, () => InstanceRequirementsRequest$, () => ManagedInstancesStorageConfiguration$, 0, () => CapacityReservationRequest$, 2, () => ManagedInstancesLocalStorageConfiguration$]
];
var InstanceRequirementsRequest$ = [3, n0, _IRR,
    0,
    [_aIT],
    [64 | 0]
];
var JobCapacityUsageSummary$ = [3, n0, _JCUS,
    0,
    [_cU, _q],
    [0, 1]
];
var JobDefinition$ = [3, n0, _JD,
    0,
    [_jDN, _jDA, _rev, _ty, _sta, _sPch, _par, _rS, _cPo, _ti, _nP, _t, _pT, _pCl, _eP, _ePk, _cOT, _cRP],
    [0, 0, 1, 0, 0, 1, 128 | 0, () => RetryStrategy$, () => ContainerProperties$, () => JobTimeout$, () => NodeProperties$, 128 | 0, 2, 64 | 0, () => EcsProperties$, () => EksProperties$, 0, () => ConsumableResourceProperties$], 4
];
var JobDependency$ = [3, n0, _JDo,
    0,
    [_jI, _ty],
    [0, 0]
];
var JobDetail$ = [3, n0, _JDob,
    0,
    [_jN, _jI, _jQ, _sta, _sA, _jD, _jA, _sI, _sPch, _at, _sR, _cA, _rS, _sAt, _dO, _par, _co, _nD, _nP, _aP, _ti, _t, _pT, _pCl, _ePk, _eA, _eP, _iCs, _iTs, _cRP],
    [0, 0, 0, 0, 1, 0, 0, 0, 1, () => AttemptDetails, 0, 1, () => RetryStrategy$, 1, () => JobDependencyList, 128 | 0, () => ContainerDetail$, () => NodeDetails$, () => NodeProperties$, () => ArrayPropertiesDetail$, () => JobTimeout$, 128 | 0, 2, 64 | 0, () => EksPropertiesDetail$, () => EksAttemptDetails, () => EcsPropertiesDetail$, 2, 2, () => ConsumableResourceProperties$], 6
];
var JobQueueDetail$ = [3, n0, _JQD,
    0,
    [_jQN, _jQA, _st, _pr, _cEO, _sPA, _sta, _sR, _sEO, _jQT, _t, _jSTLA],
    [0, 0, 0, 1, () => ComputeEnvironmentOrders, 0, 0, 0, () => ServiceEnvironmentOrders, 0, 128 | 0, () => JobStateTimeLimitActions], 5
];
var JobStateTimeLimitAction$ = [3, n0, _JSTLA,
    0,
    [_r, _st, _mTS, _ac],
    [0, 0, 1, 0], 4
];
var JobSummary$ = [3, n0, _JS,
    0,
    [_jI, _jN, _jA, _cUa, _cA, _sAc, _sI, _sta, _sR, _sA, _sAt, _co, _aP, _nP, _jD, _iCs, _iTs],
    [0, 0, 0, () => JobCapacityUsageSummaryList, 1, 1, 0, 0, 0, 1, 1, () => ContainerSummary$, () => ArrayPropertiesSummary$, () => NodePropertiesSummary$, 0, 2, 2], 2
];
var JobTimeout$ = [3, n0, _JT,
    0,
    [_aDS],
    [1]
];
var KeyValuePair$ = [3, n0, _KVP,
    0,
    [_n, _va],
    [0, 0]
];
var KeyValuesPair$ = [3, n0, _KVPe,
    0,
    [_n, _val],
    [0, 64 | 0]
];
var LatestServiceJobAttempt$ = [3, n0, _LSJA,
    0,
    [_sRI],
    [() => ServiceResourceId$]
];
var LaunchTemplateSpecification$ = [3, n0, _LTS,
    0,
    [_lTI, _lTN, _ve, _ov, _uT],
    [0, 0, 0, () => LaunchTemplateSpecificationOverrideList, 0]
];
var LaunchTemplateSpecificationOverride$ = [3, n0, _LTSO,
    0,
    [_lTI, _lTN, _ve, _tIT, _uT],
    [0, 0, 0, 64 | 0, 0]
];
var LinuxParameters$ = [3, n0, _LP,
    0,
    [_d, _iPE, _sMS, _tm, _mS, _sw],
    [() => DevicesList, 2, 1, () => TmpfsList, 1, 1]
];
var ListConsumableResourcesRequest$ = [3, n0, _LCRR,
    0,
    [_f, _mR, _nT],
    [() => ListConsumableResourcesFilterList, 1, 0]
];
var ListConsumableResourcesResponse$ = [3, n0, _LCRRi,
    0,
    [_cRon, _nT],
    [() => ConsumableResourceSummaryList, 0], 1
];
var ListJobsByConsumableResourceRequest$ = [3, n0, _LJBCRR,
    0,
    [_cRo, _f, _mR, _nT],
    [0, () => ListJobsByConsumableResourceFilterList, 1, 0], 1
];
var ListJobsByConsumableResourceResponse$ = [3, n0, _LJBCRRi,
    0,
    [_jo, _nT],
    [() => ListJobsByConsumableResourceSummaryList, 0], 1
];
var ListJobsByConsumableResourceSummary$ = [3, n0, _LJBCRS,
    0,
    [_jA, _jQA, _jN, _jS, _q, _cA, _cRP, _jDA, _sI, _sR, _sA],
    [0, 0, 0, 0, 1, 1, () => ConsumableResourceProperties$, 0, 0, 0, 1], 7
];
var ListJobsRequest$ = [3, n0, _LJR,
    0,
    [_jQ, _aJI, _mNJI, _jS, _mR, _nT, _f],
    [0, 0, 0, 0, 1, 0, () => ListJobsFilterList]
];
var ListJobsResponse$ = [3, n0, _LJRi,
    0,
    [_jSL, _nT],
    [() => JobSummaryList, 0], 1
];
var ListQuotaSharesRequest$ = [3, n0, _LQSR,
    0,
    [_jQ, _mR, _nT],
    [0, 1, 0], 1
];
var ListQuotaSharesResponse$ = [3, n0, _LQSRi,
    0,
    [_qS, _nT],
    [() => QuotaShareList, 0]
];
var ListSchedulingPoliciesRequest$ = [3, n0, _LSPR,
    0,
    [_mR, _nT],
    [1, 0]
];
var ListSchedulingPoliciesResponse$ = [3, n0, _LSPRi,
    0,
    [_sPc, _nT],
    [() => SchedulingPolicyListingDetailList, 0]
];
var ListServiceJobsRequest$ = [3, n0, _LSJR,
    0,
    [_jQ, _jS, _mR, _nT, _f],
    [0, 0, 1, 0, () => ListJobsFilterList]
];
var ListServiceJobsResponse$ = [3, n0, _LSJRi,
    0,
    [_jSL, _nT],
    [() => ServiceJobSummaryList, 0], 1
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_rA],
    [[0, 1]], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_t],
    [128 | 0]
];
var LogConfiguration$ = [3, n0, _LC,
    0,
    [_lD, _opt, _sO],
    [0, 128 | 0, () => SecretList], 1
];
var ManagedInstancesLocalStorageConfiguration$ = [3, n0, _MILSC,
    0,
    [_uLS],
    [2]
];
var ManagedInstancesNetworkConfiguration$ = [3, n0, _MINC,
    0,
    [_sub, _sG],
    [64 | 0, 64 | 0], 2
];
var ManagedInstancesProvider$ = [3, n0, _MIP,
    0,
    [_iRA, _iLT, _pT, _iO],
    [0, () => InstanceLaunchTemplate$, 0, () => InfrastructureOptimization$], 2
];
var ManagedInstancesStorageConfiguration$ = [3, n0, _MISC,
    0,
    [_sSGB],
    [1]
];
var MountPoint$ = [3, n0, _MP,
    0,
    [_cP, _rO, _sV],
    [0, 2, 0]
];
var NetworkConfiguration$ = [3, n0, _NC,
    0,
    [_aPIs],
    [0]
];
var NetworkInterface$ = [3, n0, _NI,
    0,
    [_aI, _iA, _pIA],
    [0, 0, 0]
];
var NodeDetails$ = [3, n0, _ND,
    0,
    [_nIo, _iMN],
    [1, 2]
];
var NodeOverrides$ = [3, n0, _NO,
    0,
    [_nNu, _nPO],
    [1, () => NodePropertyOverrides]
];
var NodeProperties$ = [3, n0, _NP,
    0,
    [_nNu, _mN, _nRP],
    [1, 1, () => NodeRangeProperties], 3
];
var NodePropertiesSummary$ = [3, n0, _NPS,
    0,
    [_iMN, _nNu, _nIo],
    [2, 1, 1]
];
var NodePropertyOverride$ = [3, n0, _NPO,
    0,
    [_tN, _cO, _ePO, _iT, _ePOk, _cRPO],
    [0, () => ContainerOverrides$, () => EcsPropertiesOverride$, 64 | 0, () => EksPropertiesOverride$, () => ConsumableResourceProperties$], 1
];
var NodeRangeProperty$ = [3, n0, _NRP,
    0,
    [_tN, _co, _iT, _eP, _ePk, _cRP],
    [0, () => ContainerProperties$, 64 | 0, () => EcsProperties$, () => EksProperties$, () => ConsumableResourceProperties$], 1
];
var QueueSnapshotCapacityUsage$ = [3, n0, _QSCU,
    0,
    [_cU, _q],
    [0, 1]
];
var QueueSnapshotUtilizationDetail$ = [3, n0, _QSUD,
    0,
    [_tCUo, _fU, _qSU, _lUA],
    [() => QueueSnapshotCapacityUsageList, () => FairshareUtilizationDetail$, () => QuotaShareUtilizationDetail$, 1]
];
var QuotaShareCapacityLimit$ = [3, n0, _QSCL,
    0,
    [_mC, _cU],
    [1, 0], 2
];
var QuotaShareCapacityUsage$ = [3, n0, _QSCUu,
    0,
    [_cU, _q],
    [0, 1]
];
var QuotaShareCapacityUtilization$ = [3, n0, _QSCUuo,
    0,
    [_qSN, _cUa],
    [0, () => QuotaShareCapacityUsageList]
];
var QuotaShareDetail$ = [3, n0, _QSD,
    0,
    [_qSN, _qSA, _jQA, _cL, _rSC, _pC, _st, _sta],
    [0, 0, 0, () => QuotaShareCapacityLimits, () => QuotaShareResourceSharingConfiguration$, () => QuotaSharePreemptionConfiguration$, 0, 0]
];
var QuotaSharePolicy$ = [3, n0, _QSP,
    0,
    [_iRAS],
    [0], 1
];
var QuotaSharePreemptionConfiguration$ = [3, n0, _QSPC,
    0,
    [_iSP],
    [0], 1
];
var QuotaShareResourceSharingConfiguration$ = [3, n0, _QSRSC,
    0,
    [_str, _bL],
    [0, 1], 1
];
var QuotaShareUtilizationDetail$ = [3, n0, _QSUDu,
    0,
    [_tCU],
    [() => QuotaShareCapacityUtilizationList]
];
var RegisterJobDefinitionRequest$ = [3, n0, _RJDR,
    0,
    [_jDN, _ty, _par, _sPch, _cPo, _nP, _rS, _pT, _ti, _t, _pCl, _ePk, _eP, _cRP],
    [0, 0, 128 | 0, 1, () => ContainerProperties$, () => NodeProperties$, () => RetryStrategy$, 2, () => JobTimeout$, 128 | 0, 64 | 0, () => EksProperties$, () => EcsProperties$, () => ConsumableResourceProperties$], 2
];
var RegisterJobDefinitionResponse$ = [3, n0, _RJDRe,
    0,
    [_jDN, _jDA, _rev],
    [0, 0, 1], 3
];
var RepositoryCredentials$ = [3, n0, _RC,
    0,
    [_cPr],
    [0], 1
];
var ResourceRequirement$ = [3, n0, _RR,
    0,
    [_va, _ty],
    [0, 0], 2
];
var RetryStrategy$ = [3, n0, _RS,
    0,
    [_at, _eOE],
    [1, () => EvaluateOnExitList]
];
var RuntimePlatform$ = [3, n0, _RP,
    0,
    [_oSF, _cAp],
    [0, 0]
];
var S3FilesVolumeConfiguration$ = [3, n0, _SFVC,
    0,
    [_fSA, _rD, _tEP, _aPA],
    [0, 0, 1, 0], 1
];
var SchedulingPolicyDetail$ = [3, n0, _SPD,
    0,
    [_n, _a, _qSP, _fP, _t],
    [0, 0, () => QuotaSharePolicy$, () => FairsharePolicy$, 128 | 0], 2
];
var SchedulingPolicyListingDetail$ = [3, n0, _SPLD,
    0,
    [_a],
    [0], 1
];
var Secret$ = [3, n0, _S,
    0,
    [_n, _vF],
    [0, 0], 2
];
var ServiceEnvironmentDetail$ = [3, n0, _SED,
    0,
    [_sEN, _sEA, _sET, _cL, _st, _sta, _t],
    [0, 0, 0, () => CapacityLimits, 0, 0, 128 | 0], 4
];
var ServiceEnvironmentOrder$ = [3, n0, _SEO,
    0,
    [_o, _sE],
    [1, 0], 2
];
var ServiceJobAttemptDetail$ = [3, n0, _SJAD,
    0,
    [_sRI, _sA, _sAt, _sR],
    [() => ServiceResourceId$, 1, 1, 0]
];
var ServiceJobCapacityUsageDetail$ = [3, n0, _SJCUD,
    0,
    [_cU, _q],
    [0, 1]
];
var ServiceJobCapacityUsageSummary$ = [3, n0, _SJCUS,
    0,
    [_cU, _q],
    [0, 1]
];
var ServiceJobEvaluateOnExit$ = [3, n0, _SJEOE,
    0,
    [_ac, _oSR],
    [0, 0]
];
var ServiceJobPreemptedAttempt$ = [3, n0, _SJPA,
    0,
    [_sRI, _sA, _sAt, _sR],
    [() => ServiceResourceId$, 1, 1, 0]
];
var ServiceJobPreemptionConfiguration$ = [3, n0, _SJPC,
    0,
    [_pRBT],
    [1]
];
var ServiceJobPreemptionSummary$ = [3, n0, _SJPS,
    0,
    [_pAC, _rPA],
    [1, () => ServiceJobRecentPreemptedAttemptList]
];
var ServiceJobRetryStrategy$ = [3, n0, _SJRS,
    0,
    [_at, _eOE],
    [1, () => ServiceJobEvaluateOnExitList], 1
];
var ServiceJobSummary$ = [3, n0, _SJS,
    0,
    [_jI, _jN, _sJT, _lA, _cUa, _cA, _jA, _sAc, _sI, _qSN, _sta, _sR, _sA, _sAt, _iTs],
    [0, 0, 0, () => LatestServiceJobAttempt$, () => ServiceJobCapacityUsageSummaryList, 1, 0, 1, 0, 0, 0, 0, 1, 1, 2], 3
];
var ServiceJobTimeout$ = [3, n0, _SJT,
    0,
    [_aDS],
    [1]
];
var ServiceResourceId$ = [3, n0, _SRI,
    0,
    [_n, _va],
    [0, 0], 2
];
var ShareAttributes$ = [3, n0, _SA,
    0,
    [_sI, _wF],
    [0, 1], 1
];
var SubmitJobRequest$ = [3, n0, _SJR,
    0,
    [_jN, _jQ, _jD, _sI, _sPO, _aP, _dO, _par, _cO, _nO, _rS, _pT, _ti, _t, _ePOk, _ePO, _cRPO],
    [0, 0, 0, 0, 1, () => ArrayProperties$, () => JobDependencyList, 128 | 0, () => ContainerOverrides$, () => NodeOverrides$, () => RetryStrategy$, 2, () => JobTimeout$, 128 | 0, () => EksPropertiesOverride$, () => EcsPropertiesOverride$, () => ConsumableResourceProperties$], 3
];
var SubmitJobResponse$ = [3, n0, _SJRu,
    0,
    [_jN, _jI, _jA],
    [0, 0, 0], 2
];
var SubmitServiceJobRequest$ = [3, n0, _SSJR,
    0,
    [_jN, _jQ, _sRP, _sJT, _rS, _sPch, _sI, _qSN, _pC, _tC, _t, _cTl],
    [0, 0, 0, 0, () => ServiceJobRetryStrategy$, 1, 0, 0, () => ServiceJobPreemptionConfiguration$, () => ServiceJobTimeout$, 128 | 0, [0, 4]], 4
];
var SubmitServiceJobResponse$ = [3, n0, _SSJRu,
    0,
    [_jN, _jI, _jA],
    [0, 0, 0], 2
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_rA, _t],
    [[0, 1], 128 | 0], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var TaskContainerDependency$ = [3, n0, _TCD,
    0,
    [_cNo, _cond],
    [0, 0]
];
var TaskContainerDetails$ = [3, n0, _TCDa,
    0,
    [_com, _dO, _en, _es, _fC, _im, _lP, _lC, _mP, _n, _p, _rRF, _rC, _rR, _sec, _ul, _us, _sT, _sTt, _eC, _r, _lSN, _nI],
    [64 | 0, () => TaskContainerDependencyList, () => EnvironmentVariables, 2, () => FirelensConfiguration$, 0, () => LinuxParameters$, () => LogConfiguration$, () => MountPoints, 0, 2, 2, () => RepositoryCredentials$, () => ResourceRequirements, () => SecretList, () => Ulimits, 0, 1, 1, 1, 0, 0, () => NetworkInterfaceList]
];
var TaskContainerOverrides$ = [3, n0, _TCO,
    0,
    [_com, _en, _n, _rR],
    [64 | 0, () => EnvironmentVariables, 0, () => ResourceRequirements]
];
var TaskContainerProperties$ = [3, n0, _TCP,
    0,
    [_im, _com, _dO, _en, _es, _fC, _lP, _lC, _mP, _n, _p, _rRF, _rC, _rR, _sec, _ul, _us, _sT, _sTt],
    [0, 64 | 0, () => TaskContainerDependencyList, () => EnvironmentVariables, 2, () => FirelensConfiguration$, () => LinuxParameters$, () => LogConfiguration$, () => MountPoints, 0, 2, 2, () => RepositoryCredentials$, () => ResourceRequirements, () => SecretList, () => Ulimits, 0, 1, 1], 1
];
var TaskPropertiesOverride$ = [3, n0, _TPO,
    0,
    [_con],
    [() => ListTaskContainerOverrides]
];
var TerminateJobRequest$ = [3, n0, _TJR,
    0,
    [_jI, _r],
    [0, 0], 2
];
var TerminateJobResponse$ = [3, n0, _TJRe,
    0,
    [],
    []
];
var TerminateJobsErrorDetail$ = [3, n0, _TJED,
    0,
    [_j, _cod, _m],
    [0, 0, 0], 3
];
var TerminateJobsRequest$ = [3, n0, _TJRer,
    0,
    [_jo, _r],
    [64 | 0, 0], 2
];
var TerminateJobsResponse$ = [3, n0, _TJRerm,
    0,
    [_su, _er],
    [64 | 0, () => TerminateJobsErrorDetailList], 2
];
var TerminateServiceJobRequest$ = [3, n0, _TSJR,
    0,
    [_jI, _r],
    [0, 0], 2
];
var TerminateServiceJobResponse$ = [3, n0, _TSJRe,
    0,
    [],
    []
];
var TerminateServiceJobsErrorDetail$ = [3, n0, _TSJED,
    0,
    [_j, _cod, _m],
    [0, 0, 0], 3
];
var TerminateServiceJobsRequest$ = [3, n0, _TSJRer,
    0,
    [_jo, _r],
    [64 | 0, 0], 2
];
var TerminateServiceJobsResponse$ = [3, n0, _TSJRerm,
    0,
    [_su, _er],
    [64 | 0, () => TerminateServiceJobsErrorDetailList], 2
];
var Tmpfs$ = [3, n0, _T,
    0,
    [_cP, _si, _mO],
    [0, 1, 64 | 0], 2
];
var Ulimit$ = [3, n0, _U,
    0,
    [_hL, _n, _sLo],
    [1, 0, 1], 3
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_rA, _tK],
    [[0, 1], [64 | 0, { [_hQ]: _tK }]], 2
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UpdateComputeEnvironmentRequest$ = [3, n0, _UCER,
    0,
    [_cE, _st, _uC, _cR, _sRe, _uP, _cont, _eS],
    [0, 0, 1, () => ComputeResourceUpdate$, 0, () => UpdatePolicy$, 0, () => EcsSettings$], 1
];
var UpdateComputeEnvironmentResponse$ = [3, n0, _UCERp,
    0,
    [_cEN, _cEA],
    [0, 0]
];
var UpdateConsumableResourceRequest$ = [3, n0, _UCRR,
    0,
    [_cRo, _ope, _q, _cTl],
    [0, 0, 1, [0, 4]], 1
];
var UpdateConsumableResourceResponse$ = [3, n0, _UCRRp,
    0,
    [_cRN, _cRA, _tQ],
    [0, 0, 1], 2
];
var UpdateJobQueueRequest$ = [3, n0, _UJQR,
    0,
    [_jQ, _st, _sPA, _pr, _cEO, _sEO, _jSTLA],
    [0, 0, 0, 1, () => ComputeEnvironmentOrders, () => ServiceEnvironmentOrders, () => JobStateTimeLimitActions], 1
];
var UpdateJobQueueResponse$ = [3, n0, _UJQRp,
    0,
    [_jQN, _jQA],
    [0, 0]
];
var UpdateManagedInstancesProviderConfiguration$ = [3, n0, _UMIPC,
    0,
    [_pT, _iRA, _iLT, _iO],
    [0, 0, () => InstanceLaunchTemplateUpdate$, () => InfrastructureOptimization$]
];
var UpdatePolicy$ = [3, n0, _UP,
    0,
    [_tJOU, _jETM],
    [2, 1]
];
var UpdateQuotaShareRequest$ = [3, n0, _UQSR,
    0,
    [_qSA, _cL, _rSC, _pC, _st],
    [0, () => QuotaShareCapacityLimits, () => QuotaShareResourceSharingConfiguration$, () => QuotaSharePreemptionConfiguration$, 0], 1
];
var UpdateQuotaShareResponse$ = [3, n0, _UQSRp,
    0,
    [_qSN, _qSA],
    [0, 0]
];
var UpdateSchedulingPolicyRequest$ = [3, n0, _USPR,
    0,
    [_a, _qSP, _fP],
    [0, () => QuotaSharePolicy$, () => FairsharePolicy$], 1
];
var UpdateSchedulingPolicyResponse$ = [3, n0, _USPRp,
    0,
    [],
    []
];
var UpdateServiceEnvironmentRequest$ = [3, n0, _USER,
    0,
    [_sE, _st, _cL],
    [0, 0, () => CapacityLimits], 1
];
var UpdateServiceEnvironmentResponse$ = [3, n0, _USERp,
    0,
    [_sEN, _sEA],
    [0, 0], 2
];
var UpdateServiceJobRequest$ = [3, n0, _USJR,
    0,
    [_jI, _sPch],
    [0, 1], 2
];
var UpdateServiceJobResponse$ = [3, n0, _USJRp,
    0,
    [_jA, _jN, _jI],
    [0, 0, 0]
];
var Volume$ = [3, n0, _V,
    0,
    [_h, _n, _eVC, _sVC],
    [() => Host$, 0, () => EFSVolumeConfiguration$, () => S3FilesVolumeConfiguration$]
];
var AttemptDetails = [1, n0, _ADt,
    0, () => AttemptDetail$
];
var CancelJobsErrorDetailList = [1, n0, _CJEDL,
    0, () => CancelJobsErrorDetail$
];
var CapacityLimits = [1, n0, _CLa,
    0, () => CapacityLimit$
];
var ComputeEnvironmentDetailList = [1, n0, _CEDL,
    0, () => ComputeEnvironmentDetail$
];
var ComputeEnvironmentOrders = [1, n0, _CEOo,
    0, () => ComputeEnvironmentOrder$
];
var ConsumableResourceList = [1, n0, _CRL,
    0, () => ConsumableResourceRequirement$
];
var ConsumableResourceSummaryList = [1, n0, _CRSL,
    0, () => ConsumableResourceSummary$
];
var DevicesList = [1, n0, _DL,
    0, () => Device$
];
var Ec2ConfigurationList = [1, n0, _ECL,
    0, () => Ec2Configuration$
];
var EksAttemptContainerDetails = [1, n0, _EACDk,
    0, () => EksAttemptContainerDetail$
];
var EksAttemptDetails = [1, n0, _EADk,
    0, () => EksAttemptDetail$
];
var EksContainerDetails = [1, n0, _ECDk,
    0, () => EksContainerDetail$
];
var EksContainerEnvironmentVariables = [1, n0, _ECEVk,
    0, () => EksContainerEnvironmentVariable$
];
var EksContainerOverrideList = [1, n0, _ECOL,
    0, () => EksContainerOverride$
];
var EksContainers = [1, n0, _ECkso,
    0, () => EksContainer$
];
var EksContainerVolumeMounts = [1, n0, _ECVMk,
    0, () => EksContainerVolumeMount$
];
var EksVolumes = [1, n0, _EVk,
    0, () => EksVolume$
];
var EnvironmentVariables = [1, n0, _EVn,
    0, () => KeyValuePair$
];
var EvaluateOnExitList = [1, n0, _EOEL,
    0, () => EvaluateOnExit$
];
var FairshareCapacityUsageList = [1, n0, _FCUL,
    0, () => FairshareCapacityUsage$
];
var FairshareCapacityUtilizationList = [1, n0, _FCULa,
    0, () => FairshareCapacityUtilization$
];
var FrontOfQueueJobSummaryList = [1, n0, _FOQJSL,
    0, () => FrontOfQueueJobSummary$
];
var FrontOfQuotaShareJobSummaryList = [1, n0, _FOQSJSL,
    0, () => FrontOfQuotaShareJobSummary$
];
var ImagePullSecrets = [1, n0, _IPSm,
    0, () => ImagePullSecret$
];
var JobCapacityUsageSummaryList = [1, n0, _JCUSL,
    0, () => JobCapacityUsageSummary$
];
var JobDefinitionList = [1, n0, _JDL,
    0, () => JobDefinition$
];
var JobDependencyList = [1, n0, _JDLo,
    0, () => JobDependency$
];
var JobDetailList = [1, n0, _JDLob,
    0, () => JobDetail$
];
var JobQueueDetailList = [1, n0, _JQDL,
    0, () => JobQueueDetail$
];
var JobStateTimeLimitActions = [1, n0, _JSTLAo,
    0, () => JobStateTimeLimitAction$
];
var JobSummaryList = [1, n0, _JSL,
    0, () => JobSummary$
];
var LaunchTemplateSpecificationOverrideList = [1, n0, _LTSOL,
    0, () => LaunchTemplateSpecificationOverride$
];
var ListAttemptEcsTaskDetails = [1, n0, _LAETD,
    0, () => AttemptEcsTaskDetails$
];
var ListAttemptTaskContainerDetails = [1, n0, _LATCD,
    0, () => AttemptTaskContainerDetails$
];
var ListConsumableResourcesFilterList = [1, n0, _LCRFL,
    0, () => KeyValuesPair$
];
var ListEcsTaskDetails = [1, n0, _LETD,
    0, () => EcsTaskDetails$
];
var ListEcsTaskProperties = [1, n0, _LETP,
    0, () => EcsTaskProperties$
];
var ListJobsByConsumableResourceFilterList = [1, n0, _LJBCRFL,
    0, () => KeyValuesPair$
];
var ListJobsByConsumableResourceSummaryList = [1, n0, _LJBCRSL,
    0, () => ListJobsByConsumableResourceSummary$
];
var ListJobsFilterList = [1, n0, _LJFL,
    0, () => KeyValuesPair$
];
var ListTaskContainerDetails = [1, n0, _LTCD,
    0, () => TaskContainerDetails$
];
var ListTaskContainerOverrides = [1, n0, _LTCO,
    0, () => TaskContainerOverrides$
];
var ListTaskContainerProperties = [1, n0, _LTCP,
    0, () => TaskContainerProperties$
];
var ListTaskPropertiesOverride = [1, n0, _LTPO,
    0, () => TaskPropertiesOverride$
];
var MountPoints = [1, n0, _MPo,
    0, () => MountPoint$
];
var NetworkInterfaceList = [1, n0, _NIL,
    0, () => NetworkInterface$
];
var NodePropertyOverrides = [1, n0, _NPOo,
    0, () => NodePropertyOverride$
];
var NodeRangeProperties = [1, n0, _NRPo,
    0, () => NodeRangeProperty$
];
var QueueSnapshotCapacityUsageList = [1, n0, _QSCUL,
    0, () => QueueSnapshotCapacityUsage$
];
var QuotaShareCapacityLimits = [1, n0, _QSCLu,
    0, () => QuotaShareCapacityLimit$
];
var QuotaShareCapacityUsageList = [1, n0, _QSCULu,
    0, () => QuotaShareCapacityUsage$
];
var QuotaShareCapacityUtilizationList = [1, n0, _QSCULuo,
    0, () => QuotaShareCapacityUtilization$
];
var QuotaShareList = [1, n0, _QSL,
    0, () => QuotaShareDetail$
];
var ResourceRequirements = [1, n0, _RRe,
    0, () => ResourceRequirement$
];
var SchedulingPolicyDetailList = [1, n0, _SPDL,
    0, () => SchedulingPolicyDetail$
];
var SchedulingPolicyListingDetailList = [1, n0, _SPLDL,
    0, () => SchedulingPolicyListingDetail$
];
var SecretList = [1, n0, _SL,
    0, () => Secret$
];
var ServiceEnvironmentDetailList = [1, n0, _SEDL,
    0, () => ServiceEnvironmentDetail$
];
var ServiceEnvironmentOrders = [1, n0, _SEOe,
    0, () => ServiceEnvironmentOrder$
];
var ServiceJobAttemptDetails = [1, n0, _SJADe,
    0, () => ServiceJobAttemptDetail$
];
var ServiceJobCapacityUsageDetailList = [1, n0, _SJCUDL,
    0, () => ServiceJobCapacityUsageDetail$
];
var ServiceJobCapacityUsageSummaryList = [1, n0, _SJCUSL,
    0, () => ServiceJobCapacityUsageSummary$
];
var ServiceJobEvaluateOnExitList = [1, n0, _SJEOEL,
    0, () => ServiceJobEvaluateOnExit$
];
var ServiceJobRecentPreemptedAttemptList = [1, n0, _SJRPAL,
    0, () => ServiceJobPreemptedAttempt$
];
var ServiceJobSummaryList = [1, n0, _SJSL,
    0, () => ServiceJobSummary$
];
var ShareAttributesList = [1, n0, _SAL,
    0, () => ShareAttributes$
];
var TaskContainerDependencyList = [1, n0, _TCDL,
    0, () => TaskContainerDependency$
];
var TerminateJobsErrorDetailList = [1, n0, _TJEDL,
    0, () => TerminateJobsErrorDetail$
];
var TerminateServiceJobsErrorDetailList = [1, n0, _TSJEDL,
    0, () => TerminateServiceJobsErrorDetail$
];
var TmpfsList = [1, n0, _TL,
    0, () => Tmpfs$
];
var Ulimits = [1, n0, _Ul,
    0, () => Ulimit$
];
var Volumes = [1, n0, _Vo,
    0, () => Volume$
];
var FrontOfQuotaSharesJobSummaryMap = [2, n0, _FOQSJSM,
    0, 0, () => FrontOfQuotaShareJobSummaryList
];
var CancelJob$ = [9, n0, _CJ,
    { [_ht]: ["POST", "/v1/canceljob", 200] }, () => CancelJobRequest$, () => CancelJobResponse$
];
var CancelJobs$ = [9, n0, _CJa,
    { [_ht]: ["POST", "/v1/canceljobs", 200] }, () => CancelJobsRequest$, () => CancelJobsResponse$
];
var CreateComputeEnvironment$ = [9, n0, _CCE,
    { [_ht]: ["POST", "/v1/createcomputeenvironment", 200] }, () => CreateComputeEnvironmentRequest$, () => CreateComputeEnvironmentResponse$
];
var CreateConsumableResource$ = [9, n0, _CCR,
    { [_ht]: ["POST", "/v1/createconsumableresource", 200] }, () => CreateConsumableResourceRequest$, () => CreateConsumableResourceResponse$
];
var CreateJobQueue$ = [9, n0, _CJQ,
    { [_ht]: ["POST", "/v1/createjobqueue", 200] }, () => CreateJobQueueRequest$, () => CreateJobQueueResponse$
];
var CreateQuotaShare$ = [9, n0, _CQS,
    { [_ht]: ["POST", "/v1/createquotashare", 200] }, () => CreateQuotaShareRequest$, () => CreateQuotaShareResponse$
];
var CreateSchedulingPolicy$ = [9, n0, _CSPr,
    { [_ht]: ["POST", "/v1/createschedulingpolicy", 200] }, () => CreateSchedulingPolicyRequest$, () => CreateSchedulingPolicyResponse$
];
var CreateServiceEnvironment$ = [9, n0, _CSE,
    { [_ht]: ["POST", "/v1/createserviceenvironment", 200] }, () => CreateServiceEnvironmentRequest$, () => CreateServiceEnvironmentResponse$
];
var DeleteComputeEnvironment$ = [9, n0, _DCE,
    { [_ht]: ["POST", "/v1/deletecomputeenvironment", 200] }, () => DeleteComputeEnvironmentRequest$, () => DeleteComputeEnvironmentResponse$
];
var DeleteConsumableResource$ = [9, n0, _DCR,
    { [_ht]: ["POST", "/v1/deleteconsumableresource", 200] }, () => DeleteConsumableResourceRequest$, () => DeleteConsumableResourceResponse$
];
var DeleteJobQueue$ = [9, n0, _DJQ,
    { [_ht]: ["POST", "/v1/deletejobqueue", 200] }, () => DeleteJobQueueRequest$, () => DeleteJobQueueResponse$
];
var DeleteQuotaShare$ = [9, n0, _DQS,
    { [_ht]: ["POST", "/v1/deletequotashare", 200] }, () => DeleteQuotaShareRequest$, () => DeleteQuotaShareResponse$
];
var DeleteSchedulingPolicy$ = [9, n0, _DSP,
    { [_ht]: ["POST", "/v1/deleteschedulingpolicy", 200] }, () => DeleteSchedulingPolicyRequest$, () => DeleteSchedulingPolicyResponse$
];
var DeleteServiceEnvironment$ = [9, n0, _DSE,
    { [_ht]: ["POST", "/v1/deleteserviceenvironment", 200] }, () => DeleteServiceEnvironmentRequest$, () => DeleteServiceEnvironmentResponse$
];
var DeregisterJobDefinition$ = [9, n0, _DJD,
    { [_ht]: ["POST", "/v1/deregisterjobdefinition", 200] }, () => DeregisterJobDefinitionRequest$, () => DeregisterJobDefinitionResponse$
];
var DescribeComputeEnvironments$ = [9, n0, _DCEe,
    { [_ht]: ["POST", "/v1/describecomputeenvironments", 200] }, () => DescribeComputeEnvironmentsRequest$, () => DescribeComputeEnvironmentsResponse$
];
var DescribeConsumableResource$ = [9, n0, _DCRe,
    { [_ht]: ["POST", "/v1/describeconsumableresource", 200] }, () => DescribeConsumableResourceRequest$, () => DescribeConsumableResourceResponse$
];
var DescribeJobDefinitions$ = [9, n0, _DJDe,
    { [_ht]: ["POST", "/v1/describejobdefinitions", 200] }, () => DescribeJobDefinitionsRequest$, () => DescribeJobDefinitionsResponse$
];
var DescribeJobQueues$ = [9, n0, _DJQe,
    { [_ht]: ["POST", "/v1/describejobqueues", 200] }, () => DescribeJobQueuesRequest$, () => DescribeJobQueuesResponse$
];
var DescribeJobs$ = [9, n0, _DJ,
    { [_ht]: ["POST", "/v1/describejobs", 200] }, () => DescribeJobsRequest$, () => DescribeJobsResponse$
];
var DescribeQuotaShare$ = [9, n0, _DQSe,
    { [_ht]: ["POST", "/v1/describequotashare", 200] }, () => DescribeQuotaShareRequest$, () => DescribeQuotaShareResponse$
];
var DescribeSchedulingPolicies$ = [9, n0, _DSPe,
    { [_ht]: ["POST", "/v1/describeschedulingpolicies", 200] }, () => DescribeSchedulingPoliciesRequest$, () => DescribeSchedulingPoliciesResponse$
];
var DescribeServiceEnvironments$ = [9, n0, _DSEe,
    { [_ht]: ["POST", "/v1/describeserviceenvironments", 200] }, () => DescribeServiceEnvironmentsRequest$, () => DescribeServiceEnvironmentsResponse$
];
var DescribeServiceJob$ = [9, n0, _DSJ,
    { [_ht]: ["POST", "/v1/describeservicejob", 200] }, () => DescribeServiceJobRequest$, () => DescribeServiceJobResponse$
];
var GetJobQueueSnapshot$ = [9, n0, _GJQS,
    { [_ht]: ["POST", "/v1/getjobqueuesnapshot", 200] }, () => GetJobQueueSnapshotRequest$, () => GetJobQueueSnapshotResponse$
];
var ListConsumableResources$ = [9, n0, _LCR,
    { [_ht]: ["POST", "/v1/listconsumableresources", 200] }, () => ListConsumableResourcesRequest$, () => ListConsumableResourcesResponse$
];
var ListJobs$ = [9, n0, _LJ,
    { [_ht]: ["POST", "/v1/listjobs", 200] }, () => ListJobsRequest$, () => ListJobsResponse$
];
var ListJobsByConsumableResource$ = [9, n0, _LJBCR,
    { [_ht]: ["POST", "/v1/listjobsbyconsumableresource", 200] }, () => ListJobsByConsumableResourceRequest$, () => ListJobsByConsumableResourceResponse$
];
var ListQuotaShares$ = [9, n0, _LQS,
    { [_ht]: ["POST", "/v1/listquotashares", 200] }, () => ListQuotaSharesRequest$, () => ListQuotaSharesResponse$
];
var ListSchedulingPolicies$ = [9, n0, _LSP,
    { [_ht]: ["POST", "/v1/listschedulingpolicies", 200] }, () => ListSchedulingPoliciesRequest$, () => ListSchedulingPoliciesResponse$
];
var ListServiceJobs$ = [9, n0, _LSJ,
    { [_ht]: ["POST", "/v1/listservicejobs", 200] }, () => ListServiceJobsRequest$, () => ListServiceJobsResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    { [_ht]: ["GET", "/v1/tags/{resourceArn}", 200] }, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var RegisterJobDefinition$ = [9, n0, _RJD,
    { [_ht]: ["POST", "/v1/registerjobdefinition", 200] }, () => RegisterJobDefinitionRequest$, () => RegisterJobDefinitionResponse$
];
var SubmitJob$ = [9, n0, _SJ,
    { [_ht]: ["POST", "/v1/submitjob", 200] }, () => SubmitJobRequest$, () => SubmitJobResponse$
];
var SubmitServiceJob$ = [9, n0, _SSJ,
    { [_ht]: ["POST", "/v1/submitservicejob", 200] }, () => SubmitServiceJobRequest$, () => SubmitServiceJobResponse$
];
var TagResource$ = [9, n0, _TR,
    { [_ht]: ["POST", "/v1/tags/{resourceArn}", 200] }, () => TagResourceRequest$, () => TagResourceResponse$
];
var TerminateJob$ = [9, n0, _TJ,
    { [_ht]: ["POST", "/v1/terminatejob", 200] }, () => TerminateJobRequest$, () => TerminateJobResponse$
];
var TerminateJobs$ = [9, n0, _TJe,
    { [_ht]: ["POST", "/v1/terminatejobs", 200] }, () => TerminateJobsRequest$, () => TerminateJobsResponse$
];
var TerminateServiceJob$ = [9, n0, _TSJ,
    { [_ht]: ["POST", "/v1/terminateservicejob", 200] }, () => TerminateServiceJobRequest$, () => TerminateServiceJobResponse$
];
var TerminateServiceJobs$ = [9, n0, _TSJe,
    { [_ht]: ["POST", "/v1/terminateservicejobs", 200] }, () => TerminateServiceJobsRequest$, () => TerminateServiceJobsResponse$
];
var UntagResource$ = [9, n0, _UR,
    { [_ht]: ["DELETE", "/v1/tags/{resourceArn}", 200] }, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UpdateComputeEnvironment$ = [9, n0, _UCE,
    { [_ht]: ["POST", "/v1/updatecomputeenvironment", 200] }, () => UpdateComputeEnvironmentRequest$, () => UpdateComputeEnvironmentResponse$
];
var UpdateConsumableResource$ = [9, n0, _UCR,
    { [_ht]: ["POST", "/v1/updateconsumableresource", 200] }, () => UpdateConsumableResourceRequest$, () => UpdateConsumableResourceResponse$
];
var UpdateJobQueue$ = [9, n0, _UJQ,
    { [_ht]: ["POST", "/v1/updatejobqueue", 200] }, () => UpdateJobQueueRequest$, () => UpdateJobQueueResponse$
];
var UpdateQuotaShare$ = [9, n0, _UQS,
    { [_ht]: ["POST", "/v1/updatequotashare", 200] }, () => UpdateQuotaShareRequest$, () => UpdateQuotaShareResponse$
];
var UpdateSchedulingPolicy$ = [9, n0, _USP,
    { [_ht]: ["POST", "/v1/updateschedulingpolicy", 200] }, () => UpdateSchedulingPolicyRequest$, () => UpdateSchedulingPolicyResponse$
];
var UpdateServiceEnvironment$ = [9, n0, _USE,
    { [_ht]: ["POST", "/v1/updateserviceenvironment", 200] }, () => UpdateServiceEnvironmentRequest$, () => UpdateServiceEnvironmentResponse$
];
var UpdateServiceJob$ = [9, n0, _USJ,
    { [_ht]: ["POST", "/v1/updateservicejob", 200] }, () => UpdateServiceJobRequest$, () => UpdateServiceJobResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2016-08-10",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultBatchHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.batch",
            errorTypeRegistries,
            xmlNamespace: "http://batch.amazonaws.com/doc/2016-08-10/",
            version: "2016-08-10",
            serviceTarget: "AWSBatchV20160810",
        },
        serviceId: config?.serviceId ?? "Batch",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class BatchClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultBatchHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "AWSBatchV20160810", "BatchClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class CancelJobCommand extends command(_ep0, _mw0, "CancelJob", CancelJob$) {
}

class CancelJobsCommand extends command(_ep0, _mw0, "CancelJobs", CancelJobs$) {
}

class CreateComputeEnvironmentCommand extends command(_ep0, _mw0, "CreateComputeEnvironment", CreateComputeEnvironment$) {
}

class CreateConsumableResourceCommand extends command(_ep0, _mw0, "CreateConsumableResource", CreateConsumableResource$) {
}

class CreateJobQueueCommand extends command(_ep0, _mw0, "CreateJobQueue", CreateJobQueue$) {
}

class CreateQuotaShareCommand extends command(_ep0, _mw0, "CreateQuotaShare", CreateQuotaShare$) {
}

class CreateSchedulingPolicyCommand extends command(_ep0, _mw0, "CreateSchedulingPolicy", CreateSchedulingPolicy$) {
}

class CreateServiceEnvironmentCommand extends command(_ep0, _mw0, "CreateServiceEnvironment", CreateServiceEnvironment$) {
}

class DeleteComputeEnvironmentCommand extends command(_ep0, _mw0, "DeleteComputeEnvironment", DeleteComputeEnvironment$) {
}

class DeleteConsumableResourceCommand extends command(_ep0, _mw0, "DeleteConsumableResource", DeleteConsumableResource$) {
}

class DeleteJobQueueCommand extends command(_ep0, _mw0, "DeleteJobQueue", DeleteJobQueue$) {
}

class DeleteQuotaShareCommand extends command(_ep0, _mw0, "DeleteQuotaShare", DeleteQuotaShare$) {
}

class DeleteSchedulingPolicyCommand extends command(_ep0, _mw0, "DeleteSchedulingPolicy", DeleteSchedulingPolicy$) {
}

class DeleteServiceEnvironmentCommand extends command(_ep0, _mw0, "DeleteServiceEnvironment", DeleteServiceEnvironment$) {
}

class DeregisterJobDefinitionCommand extends command(_ep0, _mw0, "DeregisterJobDefinition", DeregisterJobDefinition$) {
}

class DescribeComputeEnvironmentsCommand extends command(_ep0, _mw0, "DescribeComputeEnvironments", DescribeComputeEnvironments$) {
}

class DescribeConsumableResourceCommand extends command(_ep0, _mw0, "DescribeConsumableResource", DescribeConsumableResource$) {
}

class DescribeJobDefinitionsCommand extends command(_ep0, _mw0, "DescribeJobDefinitions", DescribeJobDefinitions$) {
}

class DescribeJobQueuesCommand extends command(_ep0, _mw0, "DescribeJobQueues", DescribeJobQueues$) {
}

class DescribeJobsCommand extends command(_ep0, _mw0, "DescribeJobs", DescribeJobs$) {
}

class DescribeQuotaShareCommand extends command(_ep0, _mw0, "DescribeQuotaShare", DescribeQuotaShare$) {
}

class DescribeSchedulingPoliciesCommand extends command(_ep0, _mw0, "DescribeSchedulingPolicies", DescribeSchedulingPolicies$) {
}

class DescribeServiceEnvironmentsCommand extends command(_ep0, _mw0, "DescribeServiceEnvironments", DescribeServiceEnvironments$) {
}

class DescribeServiceJobCommand extends command(_ep0, _mw0, "DescribeServiceJob", DescribeServiceJob$) {
}

class GetJobQueueSnapshotCommand extends command(_ep0, _mw0, "GetJobQueueSnapshot", GetJobQueueSnapshot$) {
}

class ListConsumableResourcesCommand extends command(_ep0, _mw0, "ListConsumableResources", ListConsumableResources$) {
}

class ListJobsByConsumableResourceCommand extends command(_ep0, _mw0, "ListJobsByConsumableResource", ListJobsByConsumableResource$) {
}

class ListJobsCommand extends command(_ep0, _mw0, "ListJobs", ListJobs$) {
}

class ListQuotaSharesCommand extends command(_ep0, _mw0, "ListQuotaShares", ListQuotaShares$) {
}

class ListSchedulingPoliciesCommand extends command(_ep0, _mw0, "ListSchedulingPolicies", ListSchedulingPolicies$) {
}

class ListServiceJobsCommand extends command(_ep0, _mw0, "ListServiceJobs", ListServiceJobs$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class RegisterJobDefinitionCommand extends command(_ep0, _mw0, "RegisterJobDefinition", RegisterJobDefinition$) {
}

class SubmitJobCommand extends command(_ep0, _mw0, "SubmitJob", SubmitJob$) {
}

class SubmitServiceJobCommand extends command(_ep0, _mw0, "SubmitServiceJob", SubmitServiceJob$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class TerminateJobCommand extends command(_ep0, _mw0, "TerminateJob", TerminateJob$) {
}

class TerminateJobsCommand extends command(_ep0, _mw0, "TerminateJobs", TerminateJobs$) {
}

class TerminateServiceJobCommand extends command(_ep0, _mw0, "TerminateServiceJob", TerminateServiceJob$) {
}

class TerminateServiceJobsCommand extends command(_ep0, _mw0, "TerminateServiceJobs", TerminateServiceJobs$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateComputeEnvironmentCommand extends command(_ep0, _mw0, "UpdateComputeEnvironment", UpdateComputeEnvironment$) {
}

class UpdateConsumableResourceCommand extends command(_ep0, _mw0, "UpdateConsumableResource", UpdateConsumableResource$) {
}

class UpdateJobQueueCommand extends command(_ep0, _mw0, "UpdateJobQueue", UpdateJobQueue$) {
}

class UpdateQuotaShareCommand extends command(_ep0, _mw0, "UpdateQuotaShare", UpdateQuotaShare$) {
}

class UpdateSchedulingPolicyCommand extends command(_ep0, _mw0, "UpdateSchedulingPolicy", UpdateSchedulingPolicy$) {
}

class UpdateServiceEnvironmentCommand extends command(_ep0, _mw0, "UpdateServiceEnvironment", UpdateServiceEnvironment$) {
}

class UpdateServiceJobCommand extends command(_ep0, _mw0, "UpdateServiceJob", UpdateServiceJob$) {
}

const paginateDescribeComputeEnvironments = createPaginator(BatchClient, DescribeComputeEnvironmentsCommand, "nextToken", "nextToken", "maxResults");

const paginateDescribeJobDefinitions = createPaginator(BatchClient, DescribeJobDefinitionsCommand, "nextToken", "nextToken", "maxResults");

const paginateDescribeJobQueues = createPaginator(BatchClient, DescribeJobQueuesCommand, "nextToken", "nextToken", "maxResults");

const paginateDescribeServiceEnvironments = createPaginator(BatchClient, DescribeServiceEnvironmentsCommand, "nextToken", "nextToken", "maxResults");

const paginateListConsumableResources = createPaginator(BatchClient, ListConsumableResourcesCommand, "nextToken", "nextToken", "maxResults");

const paginateListJobsByConsumableResource = createPaginator(BatchClient, ListJobsByConsumableResourceCommand, "nextToken", "nextToken", "maxResults");

const paginateListJobs = createPaginator(BatchClient, ListJobsCommand, "nextToken", "nextToken", "maxResults");

const paginateListQuotaShares = createPaginator(BatchClient, ListQuotaSharesCommand, "nextToken", "nextToken", "maxResults");

const paginateListSchedulingPolicies = createPaginator(BatchClient, ListSchedulingPoliciesCommand, "nextToken", "nextToken", "maxResults");

const paginateListServiceJobs = createPaginator(BatchClient, ListServiceJobsCommand, "nextToken", "nextToken", "maxResults");

const commands = {
    CancelJobCommand,
    CancelJobsCommand,
    CreateComputeEnvironmentCommand,
    CreateConsumableResourceCommand,
    CreateJobQueueCommand,
    CreateQuotaShareCommand,
    CreateSchedulingPolicyCommand,
    CreateServiceEnvironmentCommand,
    DeleteComputeEnvironmentCommand,
    DeleteConsumableResourceCommand,
    DeleteJobQueueCommand,
    DeleteQuotaShareCommand,
    DeleteSchedulingPolicyCommand,
    DeleteServiceEnvironmentCommand,
    DeregisterJobDefinitionCommand,
    DescribeComputeEnvironmentsCommand,
    DescribeConsumableResourceCommand,
    DescribeJobDefinitionsCommand,
    DescribeJobQueuesCommand,
    DescribeJobsCommand,
    DescribeQuotaShareCommand,
    DescribeSchedulingPoliciesCommand,
    DescribeServiceEnvironmentsCommand,
    DescribeServiceJobCommand,
    GetJobQueueSnapshotCommand,
    ListConsumableResourcesCommand,
    ListJobsCommand,
    ListJobsByConsumableResourceCommand,
    ListQuotaSharesCommand,
    ListSchedulingPoliciesCommand,
    ListServiceJobsCommand,
    ListTagsForResourceCommand,
    RegisterJobDefinitionCommand,
    SubmitJobCommand,
    SubmitServiceJobCommand,
    TagResourceCommand,
    TerminateJobCommand,
    TerminateJobsCommand,
    TerminateServiceJobCommand,
    TerminateServiceJobsCommand,
    UntagResourceCommand,
    UpdateComputeEnvironmentCommand,
    UpdateConsumableResourceCommand,
    UpdateJobQueueCommand,
    UpdateQuotaShareCommand,
    UpdateSchedulingPolicyCommand,
    UpdateServiceEnvironmentCommand,
    UpdateServiceJobCommand,
};
const paginators = {
    paginateDescribeComputeEnvironments,
    paginateDescribeJobDefinitions,
    paginateDescribeJobQueues,
    paginateDescribeServiceEnvironments,
    paginateListConsumableResources,
    paginateListJobs,
    paginateListJobsByConsumableResource,
    paginateListQuotaShares,
    paginateListSchedulingPolicies,
    paginateListServiceJobs,
};
class Batch extends BatchClient {
}
createAggregatedClient(commands, Batch, { paginators });

const ArrayJobDependency = {
    N_TO_N: "N_TO_N",
    SEQUENTIAL: "SEQUENTIAL",
};
const AssignPublicIp = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const CRAllocationStrategy = {
    BEST_FIT: "BEST_FIT",
    BEST_FIT_PROGRESSIVE: "BEST_FIT_PROGRESSIVE",
    BEST_FIT_PROGRESSIVE_ORDERED: "BEST_FIT_PROGRESSIVE_ORDERED",
    SPOT_CAPACITY_OPTIMIZED: "SPOT_CAPACITY_OPTIMIZED",
    SPOT_CAPACITY_OPTIMIZED_PRIORITIZED: "SPOT_CAPACITY_OPTIMIZED_PRIORITIZED",
    SPOT_PRICE_CAPACITY_OPTIMIZED: "SPOT_PRICE_CAPACITY_OPTIMIZED",
};
const UserdataType = {
    EKS_BOOTSTRAP_SH: "EKS_BOOTSTRAP_SH",
    EKS_NODEADM: "EKS_NODEADM",
};
const CRType = {
    EC2: "EC2",
    ECS_MANAGED_INSTANCES: "ECS_MANAGED_INSTANCES",
    FARGATE: "FARGATE",
    FARGATE_SPOT: "FARGATE_SPOT",
    SPOT: "SPOT",
};
const ContainerInsights = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    ENHANCED: "ENHANCED",
};
const CEState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const CEType = {
    MANAGED: "MANAGED",
    UNMANAGED: "UNMANAGED",
};
const JobQueueType = {
    ECS: "ECS",
    ECS_FARGATE: "ECS_FARGATE",
    ECS_MANAGED_INSTANCES: "ECS_MANAGED_INSTANCES",
    EKS: "EKS",
    SAGEMAKER_TRAINING: "SAGEMAKER_TRAINING",
};
const JobStateTimeLimitActionsAction = {
    CANCEL: "CANCEL",
    TERMINATE: "TERMINATE",
};
const JobStateTimeLimitActionsState = {
    RUNNABLE: "RUNNABLE",
};
const JQState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const QuotaShareInSharePreemptionState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const QuotaShareResourceSharingStrategy = {
    LEND: "LEND",
    LEND_AND_BORROW: "LEND_AND_BORROW",
    RESERVE: "RESERVE",
};
const QuotaShareState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const QuotaShareIdleResourceAssignmentStrategy = {
    FIFO: "FIFO",
};
const ServiceEnvironmentType = {
    SAGEMAKER_TRAINING: "SAGEMAKER_TRAINING",
};
const ServiceEnvironmentState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const OrchestrationType = {
    ECS: "ECS",
    EKS: "EKS",
};
const CEStatus = {
    CREATING: "CREATING",
    DELETED: "DELETED",
    DELETING: "DELETING",
    INVALID: "INVALID",
    UPDATING: "UPDATING",
    VALID: "VALID",
};
const DeviceCgroupPermission = {
    MKNOD: "MKNOD",
    READ: "READ",
    WRITE: "WRITE",
};
const LogDriver = {
    AWSFIRELENS: "awsfirelens",
    AWSLOGS: "awslogs",
    FLUENTD: "fluentd",
    GELF: "gelf",
    JOURNALD: "journald",
    JSON_FILE: "json-file",
    SPLUNK: "splunk",
    SYSLOG: "syslog",
};
const ResourceType = {
    GPU: "GPU",
    MEMORY: "MEMORY",
    VCPU: "VCPU",
};
const EFSAuthorizationConfigIAM = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const EFSTransitEncryption = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const FirelensConfigurationType = {
    FLUENTBIT: "fluentbit",
    FLUENTD: "fluentd",
};
const PlatformCapability = {
    EC2: "EC2",
    FARGATE: "FARGATE",
    MANAGED_INSTANCES: "MANAGED_INSTANCES",
};
const RetryAction = {
    EXIT: "EXIT",
    RETRY: "RETRY",
};
const JQStatus = {
    CREATING: "CREATING",
    DELETED: "DELETED",
    DELETING: "DELETING",
    INVALID: "INVALID",
    UPDATING: "UPDATING",
    VALID: "VALID",
};
const JobStatus = {
    FAILED: "FAILED",
    PENDING: "PENDING",
    RUNNABLE: "RUNNABLE",
    RUNNING: "RUNNING",
    STARTING: "STARTING",
    SUBMITTED: "SUBMITTED",
    SUCCEEDED: "SUCCEEDED",
};
const QuotaShareStatus = {
    CREATING: "CREATING",
    DELETING: "DELETING",
    INVALID: "INVALID",
    UPDATING: "UPDATING",
    VALID: "VALID",
};
const ServiceEnvironmentStatus = {
    CREATING: "CREATING",
    DELETED: "DELETED",
    DELETING: "DELETING",
    INVALID: "INVALID",
    UPDATING: "UPDATING",
    VALID: "VALID",
};
const ServiceResourceIdName = {
    SAGEMAKER_TRAINING_JOB_ARN: "TrainingJobArn",
};
const ServiceJobRetryAction = {
    EXIT: "EXIT",
    RETRY: "RETRY",
};
const ServiceJobType = {
    SAGEMAKER_TRAINING: "SAGEMAKER_TRAINING",
};
const ServiceJobStatus = {
    FAILED: "FAILED",
    PENDING: "PENDING",
    RUNNABLE: "RUNNABLE",
    RUNNING: "RUNNING",
    SCHEDULED: "SCHEDULED",
    STARTING: "STARTING",
    SUBMITTED: "SUBMITTED",
    SUCCEEDED: "SUCCEEDED",
};
const JobDefinitionType = {
    Container: "container",
    Multinode: "multinode",
};
const CRUpdateAllocationStrategy = {
    BEST_FIT_PROGRESSIVE: "BEST_FIT_PROGRESSIVE",
    BEST_FIT_PROGRESSIVE_ORDERED: "BEST_FIT_PROGRESSIVE_ORDERED",
    SPOT_CAPACITY_OPTIMIZED: "SPOT_CAPACITY_OPTIMIZED",
    SPOT_CAPACITY_OPTIMIZED_PRIORITIZED: "SPOT_CAPACITY_OPTIMIZED_PRIORITIZED",
    SPOT_PRICE_CAPACITY_OPTIMIZED: "SPOT_PRICE_CAPACITY_OPTIMIZED",
};

__webpack_unused_export__ = ArrayJobDependency;
__webpack_unused_export__ = ArrayProperties$;
__webpack_unused_export__ = ArrayPropertiesDetail$;
__webpack_unused_export__ = ArrayPropertiesSummary$;
__webpack_unused_export__ = AssignPublicIp;
__webpack_unused_export__ = AttemptContainerDetail$;
__webpack_unused_export__ = AttemptDetail$;
__webpack_unused_export__ = AttemptEcsTaskDetails$;
__webpack_unused_export__ = AttemptTaskContainerDetails$;
__webpack_unused_export__ = Batch;
exports.KaG = BatchClient;
__webpack_unused_export__ = BatchServiceException;
__webpack_unused_export__ = BatchServiceException$;
__webpack_unused_export__ = CEState;
__webpack_unused_export__ = CEStatus;
__webpack_unused_export__ = CEType;
__webpack_unused_export__ = CRAllocationStrategy;
__webpack_unused_export__ = CRType;
__webpack_unused_export__ = CRUpdateAllocationStrategy;
__webpack_unused_export__ = CancelJob$;
__webpack_unused_export__ = CancelJobCommand;
__webpack_unused_export__ = CancelJobRequest$;
__webpack_unused_export__ = CancelJobResponse$;
__webpack_unused_export__ = CancelJobs$;
__webpack_unused_export__ = CancelJobsCommand;
__webpack_unused_export__ = CancelJobsErrorDetail$;
__webpack_unused_export__ = CancelJobsRequest$;
__webpack_unused_export__ = CancelJobsResponse$;
__webpack_unused_export__ = CapacityLimit$;
__webpack_unused_export__ = CapacityReservationRequest$;
__webpack_unused_export__ = ClientException;
__webpack_unused_export__ = ClientException$;
__webpack_unused_export__ = ComputeEnvironmentDetail$;
__webpack_unused_export__ = ComputeEnvironmentOrder$;
__webpack_unused_export__ = ComputeResource$;
__webpack_unused_export__ = ComputeResourceUpdate$;
__webpack_unused_export__ = ComputeScalingPolicy$;
__webpack_unused_export__ = ConsumableResourceProperties$;
__webpack_unused_export__ = ConsumableResourceRequirement$;
__webpack_unused_export__ = ConsumableResourceSummary$;
__webpack_unused_export__ = ContainerDetail$;
__webpack_unused_export__ = ContainerInsights;
__webpack_unused_export__ = ContainerOverrides$;
__webpack_unused_export__ = ContainerProperties$;
__webpack_unused_export__ = ContainerSummary$;
__webpack_unused_export__ = CreateComputeEnvironment$;
__webpack_unused_export__ = CreateComputeEnvironmentCommand;
__webpack_unused_export__ = CreateComputeEnvironmentRequest$;
__webpack_unused_export__ = CreateComputeEnvironmentResponse$;
__webpack_unused_export__ = CreateConsumableResource$;
__webpack_unused_export__ = CreateConsumableResourceCommand;
__webpack_unused_export__ = CreateConsumableResourceRequest$;
__webpack_unused_export__ = CreateConsumableResourceResponse$;
__webpack_unused_export__ = CreateJobQueue$;
__webpack_unused_export__ = CreateJobQueueCommand;
__webpack_unused_export__ = CreateJobQueueRequest$;
__webpack_unused_export__ = CreateJobQueueResponse$;
__webpack_unused_export__ = CreateQuotaShare$;
__webpack_unused_export__ = CreateQuotaShareCommand;
__webpack_unused_export__ = CreateQuotaShareRequest$;
__webpack_unused_export__ = CreateQuotaShareResponse$;
__webpack_unused_export__ = CreateSchedulingPolicy$;
__webpack_unused_export__ = CreateSchedulingPolicyCommand;
__webpack_unused_export__ = CreateSchedulingPolicyRequest$;
__webpack_unused_export__ = CreateSchedulingPolicyResponse$;
__webpack_unused_export__ = CreateServiceEnvironment$;
__webpack_unused_export__ = CreateServiceEnvironmentCommand;
__webpack_unused_export__ = CreateServiceEnvironmentRequest$;
__webpack_unused_export__ = CreateServiceEnvironmentResponse$;
__webpack_unused_export__ = DeleteComputeEnvironment$;
__webpack_unused_export__ = DeleteComputeEnvironmentCommand;
__webpack_unused_export__ = DeleteComputeEnvironmentRequest$;
__webpack_unused_export__ = DeleteComputeEnvironmentResponse$;
__webpack_unused_export__ = DeleteConsumableResource$;
__webpack_unused_export__ = DeleteConsumableResourceCommand;
__webpack_unused_export__ = DeleteConsumableResourceRequest$;
__webpack_unused_export__ = DeleteConsumableResourceResponse$;
__webpack_unused_export__ = DeleteJobQueue$;
__webpack_unused_export__ = DeleteJobQueueCommand;
__webpack_unused_export__ = DeleteJobQueueRequest$;
__webpack_unused_export__ = DeleteJobQueueResponse$;
__webpack_unused_export__ = DeleteQuotaShare$;
__webpack_unused_export__ = DeleteQuotaShareCommand;
__webpack_unused_export__ = DeleteQuotaShareRequest$;
__webpack_unused_export__ = DeleteQuotaShareResponse$;
__webpack_unused_export__ = DeleteSchedulingPolicy$;
__webpack_unused_export__ = DeleteSchedulingPolicyCommand;
__webpack_unused_export__ = DeleteSchedulingPolicyRequest$;
__webpack_unused_export__ = DeleteSchedulingPolicyResponse$;
__webpack_unused_export__ = DeleteServiceEnvironment$;
__webpack_unused_export__ = DeleteServiceEnvironmentCommand;
__webpack_unused_export__ = DeleteServiceEnvironmentRequest$;
__webpack_unused_export__ = DeleteServiceEnvironmentResponse$;
__webpack_unused_export__ = DeregisterJobDefinition$;
__webpack_unused_export__ = DeregisterJobDefinitionCommand;
__webpack_unused_export__ = DeregisterJobDefinitionRequest$;
__webpack_unused_export__ = DeregisterJobDefinitionResponse$;
__webpack_unused_export__ = DescribeComputeEnvironments$;
__webpack_unused_export__ = DescribeComputeEnvironmentsCommand;
__webpack_unused_export__ = DescribeComputeEnvironmentsRequest$;
__webpack_unused_export__ = DescribeComputeEnvironmentsResponse$;
__webpack_unused_export__ = DescribeConsumableResource$;
__webpack_unused_export__ = DescribeConsumableResourceCommand;
__webpack_unused_export__ = DescribeConsumableResourceRequest$;
__webpack_unused_export__ = DescribeConsumableResourceResponse$;
__webpack_unused_export__ = DescribeJobDefinitions$;
__webpack_unused_export__ = DescribeJobDefinitionsCommand;
__webpack_unused_export__ = DescribeJobDefinitionsRequest$;
__webpack_unused_export__ = DescribeJobDefinitionsResponse$;
__webpack_unused_export__ = DescribeJobQueues$;
__webpack_unused_export__ = DescribeJobQueuesCommand;
__webpack_unused_export__ = DescribeJobQueuesRequest$;
__webpack_unused_export__ = DescribeJobQueuesResponse$;
__webpack_unused_export__ = DescribeJobs$;
__webpack_unused_export__ = DescribeJobsCommand;
__webpack_unused_export__ = DescribeJobsRequest$;
__webpack_unused_export__ = DescribeJobsResponse$;
__webpack_unused_export__ = DescribeQuotaShare$;
__webpack_unused_export__ = DescribeQuotaShareCommand;
__webpack_unused_export__ = DescribeQuotaShareRequest$;
__webpack_unused_export__ = DescribeQuotaShareResponse$;
__webpack_unused_export__ = DescribeSchedulingPolicies$;
__webpack_unused_export__ = DescribeSchedulingPoliciesCommand;
__webpack_unused_export__ = DescribeSchedulingPoliciesRequest$;
__webpack_unused_export__ = DescribeSchedulingPoliciesResponse$;
__webpack_unused_export__ = DescribeServiceEnvironments$;
__webpack_unused_export__ = DescribeServiceEnvironmentsCommand;
__webpack_unused_export__ = DescribeServiceEnvironmentsRequest$;
__webpack_unused_export__ = DescribeServiceEnvironmentsResponse$;
__webpack_unused_export__ = DescribeServiceJob$;
__webpack_unused_export__ = DescribeServiceJobCommand;
__webpack_unused_export__ = DescribeServiceJobRequest$;
__webpack_unused_export__ = DescribeServiceJobResponse$;
__webpack_unused_export__ = Device$;
__webpack_unused_export__ = DeviceCgroupPermission;
__webpack_unused_export__ = EFSAuthorizationConfig$;
__webpack_unused_export__ = EFSAuthorizationConfigIAM;
__webpack_unused_export__ = EFSTransitEncryption;
__webpack_unused_export__ = EFSVolumeConfiguration$;
__webpack_unused_export__ = Ec2Configuration$;
__webpack_unused_export__ = EcsProperties$;
__webpack_unused_export__ = EcsPropertiesDetail$;
__webpack_unused_export__ = EcsPropertiesOverride$;
__webpack_unused_export__ = EcsSettings$;
__webpack_unused_export__ = EcsTaskDetails$;
__webpack_unused_export__ = EcsTaskProperties$;
__webpack_unused_export__ = EksAttemptContainerDetail$;
__webpack_unused_export__ = EksAttemptDetail$;
__webpack_unused_export__ = EksConfiguration$;
__webpack_unused_export__ = EksContainer$;
__webpack_unused_export__ = EksContainerDetail$;
__webpack_unused_export__ = EksContainerEnvironmentVariable$;
__webpack_unused_export__ = EksContainerOverride$;
__webpack_unused_export__ = EksContainerResourceRequirements$;
__webpack_unused_export__ = EksContainerSecurityContext$;
__webpack_unused_export__ = EksContainerVolumeMount$;
__webpack_unused_export__ = EksEmptyDir$;
__webpack_unused_export__ = EksHostPath$;
__webpack_unused_export__ = EksMetadata$;
__webpack_unused_export__ = EksPersistentVolumeClaim$;
__webpack_unused_export__ = EksPodProperties$;
__webpack_unused_export__ = EksPodPropertiesDetail$;
__webpack_unused_export__ = EksPodPropertiesOverride$;
__webpack_unused_export__ = EksProperties$;
__webpack_unused_export__ = EksPropertiesDetail$;
__webpack_unused_export__ = EksPropertiesOverride$;
__webpack_unused_export__ = EksSecret$;
__webpack_unused_export__ = EksVolume$;
__webpack_unused_export__ = EphemeralStorage$;
__webpack_unused_export__ = EvaluateOnExit$;
__webpack_unused_export__ = FairshareCapacityUsage$;
__webpack_unused_export__ = FairshareCapacityUtilization$;
__webpack_unused_export__ = FairsharePolicy$;
__webpack_unused_export__ = FairshareUtilizationDetail$;
__webpack_unused_export__ = FargatePlatformConfiguration$;
__webpack_unused_export__ = FirelensConfiguration$;
__webpack_unused_export__ = FirelensConfigurationType;
__webpack_unused_export__ = FrontOfQueueDetail$;
__webpack_unused_export__ = FrontOfQueueJobSummary$;
__webpack_unused_export__ = FrontOfQuotaShareJobSummary$;
__webpack_unused_export__ = FrontOfQuotaSharesDetail$;
__webpack_unused_export__ = GetJobQueueSnapshot$;
__webpack_unused_export__ = GetJobQueueSnapshotCommand;
__webpack_unused_export__ = GetJobQueueSnapshotRequest$;
__webpack_unused_export__ = GetJobQueueSnapshotResponse$;
__webpack_unused_export__ = Host$;
__webpack_unused_export__ = ImagePullSecret$;
__webpack_unused_export__ = InfrastructureOptimization$;
__webpack_unused_export__ = InstanceLaunchTemplate$;
__webpack_unused_export__ = InstanceLaunchTemplateUpdate$;
__webpack_unused_export__ = InstanceRequirementsRequest$;
__webpack_unused_export__ = JQState;
__webpack_unused_export__ = JQStatus;
__webpack_unused_export__ = JobCapacityUsageSummary$;
__webpack_unused_export__ = JobDefinition$;
__webpack_unused_export__ = JobDefinitionType;
__webpack_unused_export__ = JobDependency$;
__webpack_unused_export__ = JobDetail$;
__webpack_unused_export__ = JobQueueDetail$;
__webpack_unused_export__ = JobQueueType;
__webpack_unused_export__ = JobStateTimeLimitAction$;
__webpack_unused_export__ = JobStateTimeLimitActionsAction;
__webpack_unused_export__ = JobStateTimeLimitActionsState;
__webpack_unused_export__ = JobStatus;
__webpack_unused_export__ = JobSummary$;
__webpack_unused_export__ = JobTimeout$;
__webpack_unused_export__ = KeyValuePair$;
__webpack_unused_export__ = KeyValuesPair$;
__webpack_unused_export__ = LatestServiceJobAttempt$;
__webpack_unused_export__ = LaunchTemplateSpecification$;
__webpack_unused_export__ = LaunchTemplateSpecificationOverride$;
__webpack_unused_export__ = LinuxParameters$;
__webpack_unused_export__ = ListConsumableResources$;
__webpack_unused_export__ = ListConsumableResourcesCommand;
__webpack_unused_export__ = ListConsumableResourcesRequest$;
__webpack_unused_export__ = ListConsumableResourcesResponse$;
__webpack_unused_export__ = ListJobs$;
__webpack_unused_export__ = ListJobsByConsumableResource$;
__webpack_unused_export__ = ListJobsByConsumableResourceCommand;
__webpack_unused_export__ = ListJobsByConsumableResourceRequest$;
__webpack_unused_export__ = ListJobsByConsumableResourceResponse$;
__webpack_unused_export__ = ListJobsByConsumableResourceSummary$;
__webpack_unused_export__ = ListJobsCommand;
__webpack_unused_export__ = ListJobsRequest$;
__webpack_unused_export__ = ListJobsResponse$;
__webpack_unused_export__ = ListQuotaShares$;
__webpack_unused_export__ = ListQuotaSharesCommand;
__webpack_unused_export__ = ListQuotaSharesRequest$;
__webpack_unused_export__ = ListQuotaSharesResponse$;
__webpack_unused_export__ = ListSchedulingPolicies$;
__webpack_unused_export__ = ListSchedulingPoliciesCommand;
__webpack_unused_export__ = ListSchedulingPoliciesRequest$;
__webpack_unused_export__ = ListSchedulingPoliciesResponse$;
__webpack_unused_export__ = ListServiceJobs$;
__webpack_unused_export__ = ListServiceJobsCommand;
__webpack_unused_export__ = ListServiceJobsRequest$;
__webpack_unused_export__ = ListServiceJobsResponse$;
__webpack_unused_export__ = ListTagsForResource$;
__webpack_unused_export__ = ListTagsForResourceCommand;
__webpack_unused_export__ = ListTagsForResourceRequest$;
__webpack_unused_export__ = ListTagsForResourceResponse$;
__webpack_unused_export__ = LogConfiguration$;
__webpack_unused_export__ = LogDriver;
__webpack_unused_export__ = ManagedInstancesLocalStorageConfiguration$;
__webpack_unused_export__ = ManagedInstancesNetworkConfiguration$;
__webpack_unused_export__ = ManagedInstancesProvider$;
__webpack_unused_export__ = ManagedInstancesStorageConfiguration$;
__webpack_unused_export__ = MountPoint$;
__webpack_unused_export__ = NetworkConfiguration$;
__webpack_unused_export__ = NetworkInterface$;
__webpack_unused_export__ = NodeDetails$;
__webpack_unused_export__ = NodeOverrides$;
__webpack_unused_export__ = NodeProperties$;
__webpack_unused_export__ = NodePropertiesSummary$;
__webpack_unused_export__ = NodePropertyOverride$;
__webpack_unused_export__ = NodeRangeProperty$;
__webpack_unused_export__ = OrchestrationType;
__webpack_unused_export__ = PlatformCapability;
__webpack_unused_export__ = QueueSnapshotCapacityUsage$;
__webpack_unused_export__ = QueueSnapshotUtilizationDetail$;
__webpack_unused_export__ = QuotaShareCapacityLimit$;
__webpack_unused_export__ = QuotaShareCapacityUsage$;
__webpack_unused_export__ = QuotaShareCapacityUtilization$;
__webpack_unused_export__ = QuotaShareDetail$;
__webpack_unused_export__ = QuotaShareIdleResourceAssignmentStrategy;
__webpack_unused_export__ = QuotaShareInSharePreemptionState;
__webpack_unused_export__ = QuotaSharePolicy$;
__webpack_unused_export__ = QuotaSharePreemptionConfiguration$;
__webpack_unused_export__ = QuotaShareResourceSharingConfiguration$;
__webpack_unused_export__ = QuotaShareResourceSharingStrategy;
__webpack_unused_export__ = QuotaShareState;
__webpack_unused_export__ = QuotaShareStatus;
__webpack_unused_export__ = QuotaShareUtilizationDetail$;
__webpack_unused_export__ = RegisterJobDefinition$;
__webpack_unused_export__ = RegisterJobDefinitionCommand;
__webpack_unused_export__ = RegisterJobDefinitionRequest$;
__webpack_unused_export__ = RegisterJobDefinitionResponse$;
__webpack_unused_export__ = RepositoryCredentials$;
__webpack_unused_export__ = ResourceRequirement$;
__webpack_unused_export__ = ResourceType;
__webpack_unused_export__ = RetryAction;
__webpack_unused_export__ = RetryStrategy$;
__webpack_unused_export__ = RuntimePlatform$;
__webpack_unused_export__ = S3FilesVolumeConfiguration$;
__webpack_unused_export__ = SchedulingPolicyDetail$;
__webpack_unused_export__ = SchedulingPolicyListingDetail$;
__webpack_unused_export__ = Secret$;
__webpack_unused_export__ = ServerException;
__webpack_unused_export__ = ServerException$;
__webpack_unused_export__ = ServiceEnvironmentDetail$;
__webpack_unused_export__ = ServiceEnvironmentOrder$;
__webpack_unused_export__ = ServiceEnvironmentState;
__webpack_unused_export__ = ServiceEnvironmentStatus;
__webpack_unused_export__ = ServiceEnvironmentType;
__webpack_unused_export__ = ServiceJobAttemptDetail$;
__webpack_unused_export__ = ServiceJobCapacityUsageDetail$;
__webpack_unused_export__ = ServiceJobCapacityUsageSummary$;
__webpack_unused_export__ = ServiceJobEvaluateOnExit$;
__webpack_unused_export__ = ServiceJobPreemptedAttempt$;
__webpack_unused_export__ = ServiceJobPreemptionConfiguration$;
__webpack_unused_export__ = ServiceJobPreemptionSummary$;
__webpack_unused_export__ = ServiceJobRetryAction;
__webpack_unused_export__ = ServiceJobRetryStrategy$;
__webpack_unused_export__ = ServiceJobStatus;
__webpack_unused_export__ = ServiceJobSummary$;
__webpack_unused_export__ = ServiceJobTimeout$;
__webpack_unused_export__ = ServiceJobType;
__webpack_unused_export__ = ServiceResourceId$;
__webpack_unused_export__ = ServiceResourceIdName;
__webpack_unused_export__ = ShareAttributes$;
__webpack_unused_export__ = SubmitJob$;
__webpack_unused_export__ = SubmitJobCommand;
__webpack_unused_export__ = SubmitJobRequest$;
__webpack_unused_export__ = SubmitJobResponse$;
__webpack_unused_export__ = SubmitServiceJob$;
__webpack_unused_export__ = SubmitServiceJobCommand;
__webpack_unused_export__ = SubmitServiceJobRequest$;
__webpack_unused_export__ = SubmitServiceJobResponse$;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceRequest$;
__webpack_unused_export__ = TagResourceResponse$;
__webpack_unused_export__ = TaskContainerDependency$;
__webpack_unused_export__ = TaskContainerDetails$;
__webpack_unused_export__ = TaskContainerOverrides$;
__webpack_unused_export__ = TaskContainerProperties$;
__webpack_unused_export__ = TaskPropertiesOverride$;
__webpack_unused_export__ = TerminateJob$;
__webpack_unused_export__ = TerminateJobCommand;
__webpack_unused_export__ = TerminateJobRequest$;
__webpack_unused_export__ = TerminateJobResponse$;
__webpack_unused_export__ = TerminateJobs$;
__webpack_unused_export__ = TerminateJobsCommand;
__webpack_unused_export__ = TerminateJobsErrorDetail$;
__webpack_unused_export__ = TerminateJobsRequest$;
__webpack_unused_export__ = TerminateJobsResponse$;
__webpack_unused_export__ = TerminateServiceJob$;
__webpack_unused_export__ = TerminateServiceJobCommand;
__webpack_unused_export__ = TerminateServiceJobRequest$;
__webpack_unused_export__ = TerminateServiceJobResponse$;
__webpack_unused_export__ = TerminateServiceJobs$;
__webpack_unused_export__ = TerminateServiceJobsCommand;
__webpack_unused_export__ = TerminateServiceJobsErrorDetail$;
__webpack_unused_export__ = TerminateServiceJobsRequest$;
__webpack_unused_export__ = TerminateServiceJobsResponse$;
__webpack_unused_export__ = Tmpfs$;
__webpack_unused_export__ = Ulimit$;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceRequest$;
__webpack_unused_export__ = UntagResourceResponse$;
__webpack_unused_export__ = UpdateComputeEnvironment$;
__webpack_unused_export__ = UpdateComputeEnvironmentCommand;
__webpack_unused_export__ = UpdateComputeEnvironmentRequest$;
__webpack_unused_export__ = UpdateComputeEnvironmentResponse$;
__webpack_unused_export__ = UpdateConsumableResource$;
__webpack_unused_export__ = UpdateConsumableResourceCommand;
__webpack_unused_export__ = UpdateConsumableResourceRequest$;
__webpack_unused_export__ = UpdateConsumableResourceResponse$;
__webpack_unused_export__ = UpdateJobQueue$;
__webpack_unused_export__ = UpdateJobQueueCommand;
__webpack_unused_export__ = UpdateJobQueueRequest$;
__webpack_unused_export__ = UpdateJobQueueResponse$;
__webpack_unused_export__ = UpdateManagedInstancesProviderConfiguration$;
__webpack_unused_export__ = UpdatePolicy$;
__webpack_unused_export__ = UpdateQuotaShare$;
__webpack_unused_export__ = UpdateQuotaShareCommand;
__webpack_unused_export__ = UpdateQuotaShareRequest$;
__webpack_unused_export__ = UpdateQuotaShareResponse$;
__webpack_unused_export__ = UpdateSchedulingPolicy$;
__webpack_unused_export__ = UpdateSchedulingPolicyCommand;
__webpack_unused_export__ = UpdateSchedulingPolicyRequest$;
__webpack_unused_export__ = UpdateSchedulingPolicyResponse$;
__webpack_unused_export__ = UpdateServiceEnvironment$;
__webpack_unused_export__ = UpdateServiceEnvironmentCommand;
__webpack_unused_export__ = UpdateServiceEnvironmentRequest$;
__webpack_unused_export__ = UpdateServiceEnvironmentResponse$;
__webpack_unused_export__ = UpdateServiceJob$;
__webpack_unused_export__ = UpdateServiceJobCommand;
__webpack_unused_export__ = UpdateServiceJobRequest$;
__webpack_unused_export__ = UpdateServiceJobResponse$;
__webpack_unused_export__ = UserdataType;
__webpack_unused_export__ = Volume$;
__webpack_unused_export__ = errorTypeRegistries;
__webpack_unused_export__ = paginateDescribeComputeEnvironments;
exports.m$B = paginateDescribeJobDefinitions;
__webpack_unused_export__ = paginateDescribeJobQueues;
__webpack_unused_export__ = paginateDescribeServiceEnvironments;
__webpack_unused_export__ = paginateListConsumableResources;
__webpack_unused_export__ = paginateListJobs;
__webpack_unused_export__ = paginateListJobsByConsumableResource;
__webpack_unused_export__ = paginateListQuotaShares;
__webpack_unused_export__ = paginateListSchedulingPolicies;
__webpack_unused_export__ = paginateListServiceJobs;


/***/ })

};
