export const id = 284;
export const ids = [284];
export const modules = {

/***/ 2284:
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
const { AwsJson1_0Protocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultAppRunnerHttpAuthSchemeParametersProvider = async (config, context, input) => {
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
            name: "apprunner",
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
const defaultAppRunnerHttpAuthSchemeProvider = (authParameters) => {
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
        defaultSigningName: "apprunner",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1141.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://apprunner-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://apprunner-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://apprunner.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://apprunner.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
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

class AppRunnerServiceException extends ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, AppRunnerServiceException.prototype);
    }
}

class InternalServiceErrorException extends AppRunnerServiceException {
    name = "InternalServiceErrorException";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "InternalServiceErrorException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServiceErrorException.prototype);
        this.Message = opts.Message;
    }
}
class InvalidRequestException extends AppRunnerServiceException {
    name = "InvalidRequestException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "InvalidRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRequestException.prototype);
        this.Message = opts.Message;
    }
}
class InvalidStateException extends AppRunnerServiceException {
    name = "InvalidStateException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "InvalidStateException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidStateException.prototype);
        this.Message = opts.Message;
    }
}
class ServiceQuotaExceededException extends AppRunnerServiceException {
    name = "ServiceQuotaExceededException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ServiceQuotaExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
        this.Message = opts.Message;
    }
}
class ResourceNotFoundException extends AppRunnerServiceException {
    name = "ResourceNotFoundException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ResourceNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
        this.Message = opts.Message;
    }
}

const _AC = "AuthenticationConfiguration";
const _ACD = "AssociateCustomDomain";
const _ACDR = "AssociateCustomDomainRequest";
const _ACDRs = "AssociateCustomDomainResponse";
const _ADE = "AutoDeploymentsEnabled";
const _AI = "AccountId";
const _ARA = "AccessRoleArn";
const _ASC = "AutoScalingConfiguration";
const _ASCA = "AutoScalingConfigurationArn";
const _ASCN = "AutoScalingConfigurationName";
const _ASCR = "AutoScalingConfigurationRevision";
const _ASCS = "AutoScalingConfigurationSummary";
const _ASCSL = "AutoScalingConfigurationSummaryList";
const _BC = "BuildCommand";
const _C = "Connection";
const _CA = "ConnectionArn";
const _CASC = "CreateAutoScalingConfiguration";
const _CASCR = "CreateAutoScalingConfigurationRequest";
const _CASCRr = "CreateAutoScalingConfigurationResponse";
const _CAr = "CreatedAt";
const _CC = "CodeConfiguration";
const _CCR = "CreateConnectionRequest";
const _CCRr = "CreateConnectionResponse";
const _CCV = "CodeConfigurationValues";
const _CCr = "CreateConnection";
const _CD = "CustomDomain";
const _CDL = "CustomDomainList";
const _CDu = "CustomDomains";
const _CN = "ConnectionName";
const _COC = "CreateObservabilityConfiguration";
const _COCR = "CreateObservabilityConfigurationRequest";
const _COCRr = "CreateObservabilityConfigurationResponse";
const _CR = "CodeRepository";
const _CS = "ConfigurationSource";
const _CSL = "ConnectionSummaryList";
const _CSR = "CreateServiceRequest";
const _CSRr = "CreateServiceResponse";
const _CSo = "ConnectionSummary";
const _CSr = "CreateService";
const _CVC = "CreateVpcConnector";
const _CVCR = "CreateVpcConnectorRequest";
const _CVCRr = "CreateVpcConnectorResponse";
const _CVIC = "CreateVpcIngressConnection";
const _CVICR = "CreateVpcIngressConnectionRequest";
const _CVICRr = "CreateVpcIngressConnectionResponse";
const _CVR = "CertificateValidationRecord";
const _CVRL = "CertificateValidationRecordList";
const _CVRe = "CertificateValidationRecords";
const _Cp = "Cpu";
const _DA = "DeletedAt";
const _DAR = "DeleteAllRevisions";
const _DASC = "DeleteAutoScalingConfiguration";
const _DASCR = "DeleteAutoScalingConfigurationRequest";
const _DASCRe = "DeleteAutoScalingConfigurationResponse";
const _DASCRes = "DescribeAutoScalingConfigurationRequest";
const _DASCResc = "DescribeAutoScalingConfigurationResponse";
const _DASCe = "DescribeAutoScalingConfiguration";
const _DC = "DeleteConnection";
const _DCD = "DescribeCustomDomains";
const _DCDR = "DescribeCustomDomainsRequest";
const _DCDRe = "DescribeCustomDomainsResponse";
const _DCDRi = "DisassociateCustomDomainRequest";
const _DCDRis = "DisassociateCustomDomainResponse";
const _DCDi = "DisassociateCustomDomain";
const _DCR = "DeleteConnectionRequest";
const _DCRe = "DeleteConnectionResponse";
const _DN = "DomainName";
const _DNST = "DNSTarget";
const _DOC = "DeleteObservabilityConfiguration";
const _DOCR = "DeleteObservabilityConfigurationRequest";
const _DOCRe = "DeleteObservabilityConfigurationResponse";
const _DOCRes = "DescribeObservabilityConfigurationRequest";
const _DOCResc = "DescribeObservabilityConfigurationResponse";
const _DOCe = "DescribeObservabilityConfiguration";
const _DS = "DeleteService";
const _DSR = "DeleteServiceRequest";
const _DSRe = "DeleteServiceResponse";
const _DSRes = "DescribeServiceRequest";
const _DSResc = "DescribeServiceResponse";
const _DSe = "DescribeService";
const _DVC = "DeleteVpcConnector";
const _DVCR = "DeleteVpcConnectorRequest";
const _DVCRe = "DeleteVpcConnectorResponse";
const _DVCRes = "DescribeVpcConnectorRequest";
const _DVCResc = "DescribeVpcConnectorResponse";
const _DVCe = "DescribeVpcConnector";
const _DVIC = "DeleteVpcIngressConnection";
const _DVICR = "DeleteVpcIngressConnectionRequest";
const _DVICRe = "DeleteVpcIngressConnectionResponse";
const _DVICRes = "DescribeVpcIngressConnectionRequest";
const _DVICResc = "DescribeVpcIngressConnectionResponse";
const _DVICe = "DescribeVpcIngressConnection";
const _EA = "EndedAt";
const _EC = "EncryptionConfiguration";
const _ECg = "EgressConfiguration";
const _ET = "EgressType";
const _EWWWS = "EnableWWWSubdomain";
const _F = "Filter";
const _HAS = "HasAssociatedService";
const _HCC = "HealthCheckConfiguration";
const _HT = "HealthyThreshold";
const _I = "Interval";
const _IAT = "IpAddressType";
const _IC = "InstanceConfiguration";
const _ICm = "ImageConfiguration";
const _ICn = "IngressConfiguration";
const _ID = "IsDefault";
const _II = "ImageIdentifier";
const _IPA = "IsPubliclyAccessible";
const _IR = "ImageRepository";
const _IRA = "InstanceRoleArn";
const _IRE = "InvalidRequestException";
const _IRT = "ImageRepositoryType";
const _ISE = "InvalidStateException";
const _ISEE = "InternalServiceErrorException";
const _IVC = "IngressVpcConfiguration";
const _Id = "Id";
const _K = "Key";
const _KK = "KmsKey";
const _L = "Latest";
const _LASC = "ListAutoScalingConfigurations";
const _LASCR = "ListAutoScalingConfigurationsRequest";
const _LASCRi = "ListAutoScalingConfigurationsResponse";
const _LC = "ListConnections";
const _LCR = "ListConnectionsRequest";
const _LCRi = "ListConnectionsResponse";
const _LO = "LatestOnly";
const _LOC = "ListObservabilityConfigurations";
const _LOCR = "ListObservabilityConfigurationsRequest";
const _LOCRi = "ListObservabilityConfigurationsResponse";
const _LOR = "ListOperationsRequest";
const _LORi = "ListOperationsResponse";
const _LOi = "ListOperations";
const _LS = "ListServices";
const _LSFASC = "ListServicesForAutoScalingConfiguration";
const _LSFASCR = "ListServicesForAutoScalingConfigurationRequest";
const _LSFASCRi = "ListServicesForAutoScalingConfigurationResponse";
const _LSR = "ListServicesRequest";
const _LSRi = "ListServicesResponse";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LVC = "ListVpcConnectors";
const _LVCR = "ListVpcConnectorsRequest";
const _LVCRi = "ListVpcConnectorsResponse";
const _LVIC = "ListVpcIngressConnections";
const _LVICF = "ListVpcIngressConnectionsFilter";
const _LVICR = "ListVpcIngressConnectionsRequest";
const _LVICRi = "ListVpcIngressConnectionsResponse";
const _M = "Message";
const _MC = "MaxConcurrency";
const _MR = "MaxResults";
const _MS = "MinSize";
const _MSa = "MaxSize";
const _Me = "Memory";
const _N = "Name";
const _NC = "NetworkConfiguration";
const _NT = "NextToken";
const _OC = "ObservabilityConfiguration";
const _OCA = "ObservabilityConfigurationArn";
const _OCN = "ObservabilityConfigurationName";
const _OCR = "ObservabilityConfigurationRevision";
const _OCS = "ObservabilityConfigurationSummary";
const _OCSL = "ObservabilityConfigurationSummaryList";
const _OE = "ObservabilityEnabled";
const _OI = "OperationId";
const _OS = "OperationSummary";
const _OSL = "OperationSummaryList";
const _P = "Port";
const _PS = "PauseService";
const _PSR = "PauseServiceRequest";
const _PSRa = "PauseServiceResponse";
const _PT = "ProviderType";
const _Pa = "Path";
const _Pr = "Protocol";
const _R = "Runtime";
const _RA = "ResourceArn";
const _RES = "RuntimeEnvironmentSecrets";
const _RESN = "RuntimeEnvironmentSecretsName";
const _RESV = "RuntimeEnvironmentSecretsValue";
const _REV = "RuntimeEnvironmentVariables";
const _REVK = "RuntimeEnvironmentVariablesKey";
const _REVV = "RuntimeEnvironmentVariablesValue";
const _RNFE = "ResourceNotFoundException";
const _RS = "ResumeService";
const _RSR = "ResumeServiceRequest";
const _RSRe = "ResumeServiceResponse";
const _RU = "RepositoryUrl";
const _S = "Status";
const _SA = "ServiceArn";
const _SAL = "ServiceArnList";
const _SAt = "StartedAt";
const _SC = "StartCommand";
const _SCV = "SourceCodeVersion";
const _SCo = "SourceConfiguration";
const _SD = "SourceDirectory";
const _SDR = "StartDeploymentRequest";
const _SDRt = "StartDeploymentResponse";
const _SDt = "StartDeployment";
const _SG = "SecurityGroups";
const _SI = "ServiceId";
const _SN = "ServiceName";
const _SOC = "ServiceObservabilityConfiguration";
const _SQEE = "ServiceQuotaExceededException";
const _SS = "ServiceSummary";
const _SSL = "ServiceSummaryList";
const _SU = "ServiceUrl";
const _Se = "Service";
const _Su = "Subnets";
const _T = "Type";
const _TA = "TargetArn";
const _TC = "TraceConfiguration";
const _TK = "TagKeys";
const _TL = "TagList";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _Ta = "Tags";
const _Tag = "Tag";
const _Ti = "Timeout";
const _UA = "UpdatedAt";
const _UDASC = "UpdateDefaultAutoScalingConfiguration";
const _UDASCR = "UpdateDefaultAutoScalingConfigurationRequest";
const _UDASCRp = "UpdateDefaultAutoScalingConfigurationResponse";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _US = "UpdateService";
const _USR = "UpdateServiceRequest";
const _USRp = "UpdateServiceResponse";
const _UT = "UnhealthyThreshold";
const _UVIC = "UpdateVpcIngressConnection";
const _UVICR = "UpdateVpcIngressConnectionRequest";
const _UVICRp = "UpdateVpcIngressConnectionResponse";
const _V = "Value";
const _VC = "VpcConnector";
const _VCA = "VpcConnectorArn";
const _VCN = "VpcConnectorName";
const _VCR = "VpcConnectorRevision";
const _VCp = "VpcConnectors";
const _VDNST = "VpcDNSTargets";
const _VDNSTL = "VpcDNSTargetList";
const _VDNSTp = "VpcDNSTarget";
const _VEI = "VpcEndpointId";
const _VI = "VpcId";
const _VIC = "VpcIngressConnection";
const _VICA = "VpcIngressConnectionArn";
const _VICN = "VpcIngressConnectionName";
const _VICS = "VpcIngressConnectionSummary";
const _VICSL = "VpcIngressConnectionSummaryList";
const _Ve = "Vendor";
const _aQE = "awsQueryError";
const _c = "client";
const _e = "error";
const _hE = "httpError";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.apprunner";
const _se = "server";
const n0 = "com.amazonaws.apprunner";
const _s_registry = new TypeRegistry(_s);
var AppRunnerServiceException$ = [-3, _s, "AppRunnerServiceException", 0, [], []];
_s_registry.registerError(AppRunnerServiceException$, AppRunnerServiceException);
const n0_registry = new TypeRegistry(n0);
var InternalServiceErrorException$ = [-3, n0, _ISEE,
    { [_aQE]: [`InternalServiceError`, 500], [_e]: _se, [_hE]: 500 },
    [_M],
    [0]
];
n0_registry.registerError(InternalServiceErrorException$, InternalServiceErrorException);
var InvalidRequestException$ = [-3, n0, _IRE,
    { [_aQE]: [`InvalidRequest`, 400], [_e]: _c, [_hE]: 400 },
    [_M],
    [0]
];
n0_registry.registerError(InvalidRequestException$, InvalidRequestException);
var InvalidStateException$ = [-3, n0, _ISE,
    { [_aQE]: [`InvalidState`, 400], [_e]: _c, [_hE]: 400 },
    [_M],
    [0]
];
n0_registry.registerError(InvalidStateException$, InvalidStateException);
var ResourceNotFoundException$ = [-3, n0, _RNFE,
    { [_aQE]: [`ResourceNotfound`, 400], [_e]: _c, [_hE]: 400 },
    [_M],
    [0]
];
n0_registry.registerError(ResourceNotFoundException$, ResourceNotFoundException);
var ServiceQuotaExceededException$ = [-3, n0, _SQEE,
    { [_aQE]: [`ServiceQuotaExceeded`, 402], [_e]: _c, [_hE]: 402 },
    [_M],
    [0]
];
n0_registry.registerError(ServiceQuotaExceededException$, ServiceQuotaExceededException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var BuildCommand = [0, n0, _BC, 8, 0];
var RuntimeEnvironmentSecretsName = [0, n0, _RESN, 8, 0];
var RuntimeEnvironmentSecretsValue = [0, n0, _RESV, 8, 0];
var RuntimeEnvironmentVariablesKey = [0, n0, _REVK, 8, 0];
var RuntimeEnvironmentVariablesValue = [0, n0, _REVV, 8, 0];
var StartCommand = [0, n0, _SC, 8, 0];
var AssociateCustomDomainRequest$ = [3, n0, _ACDR,
    0,
    [_SA, _DN, _EWWWS],
    [0, 0, 2], 2
];
var AssociateCustomDomainResponse$ = [3, n0, _ACDRs,
    0,
    [_DNST, _SA, _CD, _VDNST],
    [0, 0, () => CustomDomain$, () => VpcDNSTargetList], 4
];
var AuthenticationConfiguration$ = [3, n0, _AC,
    0,
    [_CA, _ARA],
    [0, 0]
];
var AutoScalingConfiguration$ = [3, n0, _ASC,
    0,
    [_ASCA, _ASCN, _ASCR, _L, _S, _MC, _MS, _MSa, _CAr, _DA, _HAS, _ID],
    [0, 0, 1, 2, 0, 1, 1, 1, 4, 4, 2, 2]
];
var AutoScalingConfigurationSummary$ = [3, n0, _ASCS,
    0,
    [_ASCA, _ASCN, _ASCR, _S, _CAr, _HAS, _ID],
    [0, 0, 1, 0, 4, 2, 2]
];
var CertificateValidationRecord$ = [3, n0, _CVR,
    0,
    [_N, _T, _V, _S],
    [0, 0, 0, 0]
];
var CodeConfiguration$ = [3, n0, _CC,
    0,
    [_CS, _CCV],
    [0, [() => CodeConfigurationValues$, 0]], 1
];
var CodeConfigurationValues$ = [3, n0, _CCV,
    0,
    [_R, _BC, _SC, _P, _REV, _RES],
    [0, [() => BuildCommand, 0], [() => StartCommand, 0], 0, [() => RuntimeEnvironmentVariables, 0], [() => RuntimeEnvironmentSecrets, 0]], 1
];
var CodeRepository$ = [3, n0, _CR,
    0,
    [_RU, _SCV, _CC, _SD],
    [0, () => SourceCodeVersion$, [() => CodeConfiguration$, 0], 0], 2
];
var Connection$ = [3, n0, _C,
    0,
    [_CN, _CA, _PT, _S, _CAr],
    [0, 0, 0, 0, 4]
];
var ConnectionSummary$ = [3, n0, _CSo,
    0,
    [_CN, _CA, _PT, _S, _CAr],
    [0, 0, 0, 0, 4]
];
var CreateAutoScalingConfigurationRequest$ = [3, n0, _CASCR,
    0,
    [_ASCN, _MC, _MS, _MSa, _Ta],
    [0, 1, 1, 1, () => TagList], 1
];
var CreateAutoScalingConfigurationResponse$ = [3, n0, _CASCRr,
    0,
    [_ASC],
    [() => AutoScalingConfiguration$], 1
];
var CreateConnectionRequest$ = [3, n0, _CCR,
    0,
    [_CN, _PT, _Ta],
    [0, 0, () => TagList], 2
];
var CreateConnectionResponse$ = [3, n0, _CCRr,
    0,
    [_C],
    [() => Connection$], 1
];
var CreateObservabilityConfigurationRequest$ = [3, n0, _COCR,
    0,
    [_OCN, _TC, _Ta],
    [0, () => TraceConfiguration$, () => TagList], 1
];
var CreateObservabilityConfigurationResponse$ = [3, n0, _COCRr,
    0,
    [_OC],
    [() => ObservabilityConfiguration$], 1
];
var CreateServiceRequest$ = [3, n0, _CSR,
    0,
    [_SN, _SCo, _IC, _Ta, _EC, _HCC, _ASCA, _NC, _OC],
    [0, [() => SourceConfiguration$, 0], () => InstanceConfiguration$, () => TagList, () => EncryptionConfiguration$, () => HealthCheckConfiguration$, 0, () => NetworkConfiguration$, () => ServiceObservabilityConfiguration$], 2
];
var CreateServiceResponse$ = [3, n0, _CSRr,
    0,
    [_Se, _OI],
    [[() => Service$, 0], 0], 2
];
var CreateVpcConnectorRequest$ = [3, n0, _CVCR,
    0,
    [_VCN, _Su, _SG, _Ta],
    [0, 64 | 0, 64 | 0, () => TagList], 2
];
var CreateVpcConnectorResponse$ = [3, n0, _CVCRr,
    0,
    [_VC],
    [() => VpcConnector$], 1
];
var CreateVpcIngressConnectionRequest$ = [3, n0, _CVICR,
    0,
    [_SA, _VICN, _IVC, _Ta],
    [0, 0, () => IngressVpcConfiguration$, () => TagList], 3
];
var CreateVpcIngressConnectionResponse$ = [3, n0, _CVICRr,
    0,
    [_VIC],
    [() => VpcIngressConnection$], 1
];
var CustomDomain$ = [3, n0, _CD,
    0,
    [_DN, _EWWWS, _S, _CVRe],
    [0, 2, 0, () => CertificateValidationRecordList], 3
];
var DeleteAutoScalingConfigurationRequest$ = [3, n0, _DASCR,
    0,
    [_ASCA, _DAR],
    [0, 2], 1
];
var DeleteAutoScalingConfigurationResponse$ = [3, n0, _DASCRe,
    0,
    [_ASC],
    [() => AutoScalingConfiguration$], 1
];
var DeleteConnectionRequest$ = [3, n0, _DCR,
    0,
    [_CA],
    [0], 1
];
var DeleteConnectionResponse$ = [3, n0, _DCRe,
    0,
    [_C],
    [() => Connection$]
];
var DeleteObservabilityConfigurationRequest$ = [3, n0, _DOCR,
    0,
    [_OCA],
    [0], 1
];
var DeleteObservabilityConfigurationResponse$ = [3, n0, _DOCRe,
    0,
    [_OC],
    [() => ObservabilityConfiguration$], 1
];
var DeleteServiceRequest$ = [3, n0, _DSR,
    0,
    [_SA],
    [0], 1
];
var DeleteServiceResponse$ = [3, n0, _DSRe,
    0,
    [_Se, _OI],
    [[() => Service$, 0], 0], 2
];
var DeleteVpcConnectorRequest$ = [3, n0, _DVCR,
    0,
    [_VCA],
    [0], 1
];
var DeleteVpcConnectorResponse$ = [3, n0, _DVCRe,
    0,
    [_VC],
    [() => VpcConnector$], 1
];
var DeleteVpcIngressConnectionRequest$ = [3, n0, _DVICR,
    0,
    [_VICA],
    [0], 1
];
var DeleteVpcIngressConnectionResponse$ = [3, n0, _DVICRe,
    0,
    [_VIC],
    [() => VpcIngressConnection$], 1
];
var DescribeAutoScalingConfigurationRequest$ = [3, n0, _DASCRes,
    0,
    [_ASCA],
    [0], 1
];
var DescribeAutoScalingConfigurationResponse$ = [3, n0, _DASCResc,
    0,
    [_ASC],
    [() => AutoScalingConfiguration$], 1
];
var DescribeCustomDomainsRequest$ = [3, n0, _DCDR,
    0,
    [_SA, _NT, _MR],
    [0, 0, 1], 1
];
var DescribeCustomDomainsResponse$ = [3, n0, _DCDRe,
    0,
    [_DNST, _SA, _CDu, _VDNST, _NT],
    [0, 0, () => CustomDomainList, () => VpcDNSTargetList, 0], 4
];
var DescribeObservabilityConfigurationRequest$ = [3, n0, _DOCRes,
    0,
    [_OCA],
    [0], 1
];
var DescribeObservabilityConfigurationResponse$ = [3, n0, _DOCResc,
    0,
    [_OC],
    [() => ObservabilityConfiguration$], 1
];
var DescribeServiceRequest$ = [3, n0, _DSRes,
    0,
    [_SA],
    [0], 1
];
var DescribeServiceResponse$ = [3, n0, _DSResc,
    0,
    [_Se],
    [[() => Service$, 0]], 1
];
var DescribeVpcConnectorRequest$ = [3, n0, _DVCRes,
    0,
    [_VCA],
    [0], 1
];
var DescribeVpcConnectorResponse$ = [3, n0, _DVCResc,
    0,
    [_VC],
    [() => VpcConnector$], 1
];
var DescribeVpcIngressConnectionRequest$ = [3, n0, _DVICRes,
    0,
    [_VICA],
    [0], 1
];
var DescribeVpcIngressConnectionResponse$ = [3, n0, _DVICResc,
    0,
    [_VIC],
    [() => VpcIngressConnection$], 1
];
var DisassociateCustomDomainRequest$ = [3, n0, _DCDRi,
    0,
    [_SA, _DN],
    [0, 0], 2
];
var DisassociateCustomDomainResponse$ = [3, n0, _DCDRis,
    0,
    [_DNST, _SA, _CD, _VDNST],
    [0, 0, () => CustomDomain$, () => VpcDNSTargetList], 4
];
var EgressConfiguration$ = [3, n0, _ECg,
    0,
    [_ET, _VCA],
    [0, 0]
];
var EncryptionConfiguration$ = [3, n0, _EC,
    0,
    [_KK],
    [0], 1
];
var HealthCheckConfiguration$ = [3, n0, _HCC,
    0,
    [_Pr, _Pa, _I, _Ti, _HT, _UT],
    [0, 0, 1, 1, 1, 1]
];
var ImageConfiguration$ = [3, n0, _ICm,
    0,
    [_REV, _SC, _P, _RES],
    [[() => RuntimeEnvironmentVariables, 0], [() => StartCommand, 0], 0, [() => RuntimeEnvironmentSecrets, 0]]
];
var ImageRepository$ = [3, n0, _IR,
    0,
    [_II, _IRT, _ICm],
    [0, 0, [() => ImageConfiguration$, 0]], 2
];
var IngressConfiguration$ = [3, n0, _ICn,
    0,
    [_IPA],
    [2]
];
var IngressVpcConfiguration$ = [3, n0, _IVC,
    0,
    [_VI, _VEI],
    [0, 0]
];
var InstanceConfiguration$ = [3, n0, _IC,
    0,
    [_Cp, _Me, _IRA],
    [0, 0, 0]
];
var ListAutoScalingConfigurationsRequest$ = [3, n0, _LASCR,
    0,
    [_ASCN, _LO, _MR, _NT],
    [0, 2, 1, 0]
];
var ListAutoScalingConfigurationsResponse$ = [3, n0, _LASCRi,
    0,
    [_ASCSL, _NT],
    [() => AutoScalingConfigurationSummaryList, 0], 1
];
var ListConnectionsRequest$ = [3, n0, _LCR,
    0,
    [_CN, _MR, _NT],
    [0, 1, 0]
];
var ListConnectionsResponse$ = [3, n0, _LCRi,
    0,
    [_CSL, _NT],
    [() => ConnectionSummaryList, 0], 1
];
var ListObservabilityConfigurationsRequest$ = [3, n0, _LOCR,
    0,
    [_OCN, _LO, _MR, _NT],
    [0, 2, 1, 0]
];
var ListObservabilityConfigurationsResponse$ = [3, n0, _LOCRi,
    0,
    [_OCSL, _NT],
    [() => ObservabilityConfigurationSummaryList, 0], 1
];
var ListOperationsRequest$ = [3, n0, _LOR,
    0,
    [_SA, _NT, _MR],
    [0, 0, 1], 1
];
var ListOperationsResponse$ = [3, n0, _LORi,
    0,
    [_OSL, _NT],
    [() => OperationSummaryList, 0]
];
var ListServicesForAutoScalingConfigurationRequest$ = [3, n0, _LSFASCR,
    0,
    [_ASCA, _MR, _NT],
    [0, 1, 0], 1
];
var ListServicesForAutoScalingConfigurationResponse$ = [3, n0, _LSFASCRi,
    0,
    [_SAL, _NT],
    [64 | 0, 0], 1
];
var ListServicesRequest$ = [3, n0, _LSR,
    0,
    [_NT, _MR],
    [0, 1]
];
var ListServicesResponse$ = [3, n0, _LSRi,
    0,
    [_SSL, _NT],
    [() => ServiceSummaryList, 0], 1
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_RA],
    [0], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_Ta],
    [() => TagList]
];
var ListVpcConnectorsRequest$ = [3, n0, _LVCR,
    0,
    [_MR, _NT],
    [1, 0]
];
var ListVpcConnectorsResponse$ = [3, n0, _LVCRi,
    0,
    [_VCp, _NT],
    [() => VpcConnectors, 0], 1
];
var ListVpcIngressConnectionsFilter$ = [3, n0, _LVICF,
    0,
    [_SA, _VEI],
    [0, 0]
];
var ListVpcIngressConnectionsRequest$ = [3, n0, _LVICR,
    0,
    [_F, _MR, _NT],
    [() => ListVpcIngressConnectionsFilter$, 1, 0]
];
var ListVpcIngressConnectionsResponse$ = [3, n0, _LVICRi,
    0,
    [_VICSL, _NT],
    [() => VpcIngressConnectionSummaryList, 0], 1
];
var NetworkConfiguration$ = [3, n0, _NC,
    0,
    [_ECg, _ICn, _IAT],
    [() => EgressConfiguration$, () => IngressConfiguration$, 0]
];
var ObservabilityConfiguration$ = [3, n0, _OC,
    0,
    [_OCA, _OCN, _TC, _OCR, _L, _S, _CAr, _DA],
    [0, 0, () => TraceConfiguration$, 1, 2, 0, 4, 4]
];
var ObservabilityConfigurationSummary$ = [3, n0, _OCS,
    0,
    [_OCA, _OCN, _OCR],
    [0, 0, 1]
];
var OperationSummary$ = [3, n0, _OS,
    0,
    [_Id, _T, _S, _TA, _SAt, _EA, _UA],
    [0, 0, 0, 0, 4, 4, 4]
];
var PauseServiceRequest$ = [3, n0, _PSR,
    0,
    [_SA],
    [0], 1
];
var PauseServiceResponse$ = [3, n0, _PSRa,
    0,
    [_Se, _OI],
    [[() => Service$, 0], 0], 1
];
var ResumeServiceRequest$ = [3, n0, _RSR,
    0,
    [_SA],
    [0], 1
];
var ResumeServiceResponse$ = [3, n0, _RSRe,
    0,
    [_Se, _OI],
    [[() => Service$, 0], 0], 1
];
var Service$ = [3, n0, _Se,
    0,
    [_SN, _SI, _SA, _CAr, _UA, _S, _SCo, _IC, _ASCS, _NC, _SU, _DA, _EC, _HCC, _OC],
    [0, 0, 0, 4, 4, 0, [() => SourceConfiguration$, 0], () => InstanceConfiguration$, () => AutoScalingConfigurationSummary$, () => NetworkConfiguration$, 0, 4, () => EncryptionConfiguration$, () => HealthCheckConfiguration$, () => ServiceObservabilityConfiguration$], 10
];
var ServiceObservabilityConfiguration$ = [3, n0, _SOC,
    0,
    [_OE, _OCA],
    [2, 0], 1
];
var ServiceSummary$ = [3, n0, _SS,
    0,
    [_SN, _SI, _SA, _SU, _CAr, _UA, _S],
    [0, 0, 0, 0, 4, 4, 0]
];
var SourceCodeVersion$ = [3, n0, _SCV,
    0,
    [_T, _V],
    [0, 0], 2
];
var SourceConfiguration$ = [3, n0, _SCo,
    0,
    [_CR, _IR, _ADE, _AC],
    [[() => CodeRepository$, 0], [() => ImageRepository$, 0], 2, () => AuthenticationConfiguration$]
];
var StartDeploymentRequest$ = [3, n0, _SDR,
    0,
    [_SA],
    [0], 1
];
var StartDeploymentResponse$ = [3, n0, _SDRt,
    0,
    [_OI],
    [0], 1
];
var Tag$ = [3, n0, _Tag,
    0,
    [_K, _V],
    [0, 0]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_RA, _Ta],
    [0, () => TagList], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var TraceConfiguration$ = [3, n0, _TC,
    0,
    [_Ve],
    [0], 1
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_RA, _TK],
    [0, 64 | 0], 2
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UpdateDefaultAutoScalingConfigurationRequest$ = [3, n0, _UDASCR,
    0,
    [_ASCA],
    [0], 1
];
var UpdateDefaultAutoScalingConfigurationResponse$ = [3, n0, _UDASCRp,
    0,
    [_ASC],
    [() => AutoScalingConfiguration$], 1
];
var UpdateServiceRequest$ = [3, n0, _USR,
    0,
    [_SA, _SCo, _IC, _ASCA, _HCC, _NC, _OC],
    [0, [() => SourceConfiguration$, 0], () => InstanceConfiguration$, 0, () => HealthCheckConfiguration$, () => NetworkConfiguration$, () => ServiceObservabilityConfiguration$], 1
];
var UpdateServiceResponse$ = [3, n0, _USRp,
    0,
    [_Se, _OI],
    [[() => Service$, 0], 0], 2
];
var UpdateVpcIngressConnectionRequest$ = [3, n0, _UVICR,
    0,
    [_VICA, _IVC],
    [0, () => IngressVpcConfiguration$], 2
];
var UpdateVpcIngressConnectionResponse$ = [3, n0, _UVICRp,
    0,
    [_VIC],
    [() => VpcIngressConnection$], 1
];
var VpcConnector$ = [3, n0, _VC,
    0,
    [_VCN, _VCA, _VCR, _Su, _SG, _S, _CAr, _DA],
    [0, 0, 1, 64 | 0, 64 | 0, 0, 4, 4]
];
var VpcDNSTarget$ = [3, n0, _VDNSTp,
    0,
    [_VICA, _VI, _DN],
    [0, 0, 0]
];
var VpcIngressConnection$ = [3, n0, _VIC,
    0,
    [_VICA, _VICN, _SA, _S, _AI, _DN, _IVC, _CAr, _DA],
    [0, 0, 0, 0, 0, 0, () => IngressVpcConfiguration$, 4, 4]
];
var VpcIngressConnectionSummary$ = [3, n0, _VICS,
    0,
    [_VICA, _SA],
    [0, 0]
];
var AutoScalingConfigurationSummaryList = [1, n0, _ASCSL,
    0, () => AutoScalingConfigurationSummary$
];
var CertificateValidationRecordList = [1, n0, _CVRL,
    0, () => CertificateValidationRecord$
];
var ConnectionSummaryList = [1, n0, _CSL,
    0, () => ConnectionSummary$
];
var CustomDomainList = [1, n0, _CDL,
    0, () => CustomDomain$
];
var ObservabilityConfigurationSummaryList = [1, n0, _OCSL,
    0, () => ObservabilityConfigurationSummary$
];
var OperationSummaryList = [1, n0, _OSL,
    0, () => OperationSummary$
];
var ServiceSummaryList = [1, n0, _SSL,
    0, () => ServiceSummary$
];
var TagList = [1, n0, _TL,
    0, () => Tag$
];
var VpcConnectors = [1, n0, _VCp,
    0, () => VpcConnector$
];
var VpcDNSTargetList = [1, n0, _VDNSTL,
    0, () => VpcDNSTarget$
];
var VpcIngressConnectionSummaryList = [1, n0, _VICSL,
    0, () => VpcIngressConnectionSummary$
];
var RuntimeEnvironmentSecrets = [2, n0, _RES,
    0, [() => RuntimeEnvironmentSecretsName,
        0],
    [() => RuntimeEnvironmentSecretsValue,
        0]
];
var RuntimeEnvironmentVariables = [2, n0, _REV,
    0, [() => RuntimeEnvironmentVariablesKey,
        0],
    [() => RuntimeEnvironmentVariablesValue,
        0]
];
var AssociateCustomDomain$ = [9, n0, _ACD,
    0, () => AssociateCustomDomainRequest$, () => AssociateCustomDomainResponse$
];
var CreateAutoScalingConfiguration$ = [9, n0, _CASC,
    0, () => CreateAutoScalingConfigurationRequest$, () => CreateAutoScalingConfigurationResponse$
];
var CreateConnection$ = [9, n0, _CCr,
    0, () => CreateConnectionRequest$, () => CreateConnectionResponse$
];
var CreateObservabilityConfiguration$ = [9, n0, _COC,
    0, () => CreateObservabilityConfigurationRequest$, () => CreateObservabilityConfigurationResponse$
];
var CreateService$ = [9, n0, _CSr,
    0, () => CreateServiceRequest$, () => CreateServiceResponse$
];
var CreateVpcConnector$ = [9, n0, _CVC,
    0, () => CreateVpcConnectorRequest$, () => CreateVpcConnectorResponse$
];
var CreateVpcIngressConnection$ = [9, n0, _CVIC,
    0, () => CreateVpcIngressConnectionRequest$, () => CreateVpcIngressConnectionResponse$
];
var DeleteAutoScalingConfiguration$ = [9, n0, _DASC,
    0, () => DeleteAutoScalingConfigurationRequest$, () => DeleteAutoScalingConfigurationResponse$
];
var DeleteConnection$ = [9, n0, _DC,
    0, () => DeleteConnectionRequest$, () => DeleteConnectionResponse$
];
var DeleteObservabilityConfiguration$ = [9, n0, _DOC,
    0, () => DeleteObservabilityConfigurationRequest$, () => DeleteObservabilityConfigurationResponse$
];
var DeleteService$ = [9, n0, _DS,
    0, () => DeleteServiceRequest$, () => DeleteServiceResponse$
];
var DeleteVpcConnector$ = [9, n0, _DVC,
    0, () => DeleteVpcConnectorRequest$, () => DeleteVpcConnectorResponse$
];
var DeleteVpcIngressConnection$ = [9, n0, _DVIC,
    0, () => DeleteVpcIngressConnectionRequest$, () => DeleteVpcIngressConnectionResponse$
];
var DescribeAutoScalingConfiguration$ = [9, n0, _DASCe,
    0, () => DescribeAutoScalingConfigurationRequest$, () => DescribeAutoScalingConfigurationResponse$
];
var DescribeCustomDomains$ = [9, n0, _DCD,
    0, () => DescribeCustomDomainsRequest$, () => DescribeCustomDomainsResponse$
];
var DescribeObservabilityConfiguration$ = [9, n0, _DOCe,
    0, () => DescribeObservabilityConfigurationRequest$, () => DescribeObservabilityConfigurationResponse$
];
var DescribeService$ = [9, n0, _DSe,
    0, () => DescribeServiceRequest$, () => DescribeServiceResponse$
];
var DescribeVpcConnector$ = [9, n0, _DVCe,
    0, () => DescribeVpcConnectorRequest$, () => DescribeVpcConnectorResponse$
];
var DescribeVpcIngressConnection$ = [9, n0, _DVICe,
    0, () => DescribeVpcIngressConnectionRequest$, () => DescribeVpcIngressConnectionResponse$
];
var DisassociateCustomDomain$ = [9, n0, _DCDi,
    0, () => DisassociateCustomDomainRequest$, () => DisassociateCustomDomainResponse$
];
var ListAutoScalingConfigurations$ = [9, n0, _LASC,
    0, () => ListAutoScalingConfigurationsRequest$, () => ListAutoScalingConfigurationsResponse$
];
var ListConnections$ = [9, n0, _LC,
    0, () => ListConnectionsRequest$, () => ListConnectionsResponse$
];
var ListObservabilityConfigurations$ = [9, n0, _LOC,
    0, () => ListObservabilityConfigurationsRequest$, () => ListObservabilityConfigurationsResponse$
];
var ListOperations$ = [9, n0, _LOi,
    0, () => ListOperationsRequest$, () => ListOperationsResponse$
];
var ListServices$ = [9, n0, _LS,
    0, () => ListServicesRequest$, () => ListServicesResponse$
];
var ListServicesForAutoScalingConfiguration$ = [9, n0, _LSFASC,
    0, () => ListServicesForAutoScalingConfigurationRequest$, () => ListServicesForAutoScalingConfigurationResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    0, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var ListVpcConnectors$ = [9, n0, _LVC,
    0, () => ListVpcConnectorsRequest$, () => ListVpcConnectorsResponse$
];
var ListVpcIngressConnections$ = [9, n0, _LVIC,
    0, () => ListVpcIngressConnectionsRequest$, () => ListVpcIngressConnectionsResponse$
];
var PauseService$ = [9, n0, _PS,
    0, () => PauseServiceRequest$, () => PauseServiceResponse$
];
var ResumeService$ = [9, n0, _RS,
    0, () => ResumeServiceRequest$, () => ResumeServiceResponse$
];
var StartDeployment$ = [9, n0, _SDt,
    0, () => StartDeploymentRequest$, () => StartDeploymentResponse$
];
var TagResource$ = [9, n0, _TR,
    0, () => TagResourceRequest$, () => TagResourceResponse$
];
var UntagResource$ = [9, n0, _UR,
    0, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UpdateDefaultAutoScalingConfiguration$ = [9, n0, _UDASC,
    0, () => UpdateDefaultAutoScalingConfigurationRequest$, () => UpdateDefaultAutoScalingConfigurationResponse$
];
var UpdateService$ = [9, n0, _US,
    0, () => UpdateServiceRequest$, () => UpdateServiceResponse$
];
var UpdateVpcIngressConnection$ = [9, n0, _UVIC,
    0, () => UpdateVpcIngressConnectionRequest$, () => UpdateVpcIngressConnectionResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2020-05-15",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultAppRunnerHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsJson1_0Protocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.apprunner",
            errorTypeRegistries,
            xmlNamespace: "http://apprunner.amazonaws.com/doc/2020-05-15/",
            version: "2020-05-15",
            serviceTarget: "AppRunner",
        },
        serviceId: config?.serviceId ?? "AppRunner",
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

class AppRunnerClient extends Client {
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
            httpAuthSchemeParametersProvider: defaultAppRunnerHttpAuthSchemeParametersProvider,
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

const command = makeBuilder(commonParams, "AppRunner", "AppRunnerClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class AssociateCustomDomainCommand extends command(_ep0, _mw0, "AssociateCustomDomain", AssociateCustomDomain$) {
}

class CreateAutoScalingConfigurationCommand extends command(_ep0, _mw0, "CreateAutoScalingConfiguration", CreateAutoScalingConfiguration$) {
}

class CreateConnectionCommand extends command(_ep0, _mw0, "CreateConnection", CreateConnection$) {
}

class CreateObservabilityConfigurationCommand extends command(_ep0, _mw0, "CreateObservabilityConfiguration", CreateObservabilityConfiguration$) {
}

class CreateServiceCommand extends command(_ep0, _mw0, "CreateService", CreateService$) {
}

class CreateVpcConnectorCommand extends command(_ep0, _mw0, "CreateVpcConnector", CreateVpcConnector$) {
}

class CreateVpcIngressConnectionCommand extends command(_ep0, _mw0, "CreateVpcIngressConnection", CreateVpcIngressConnection$) {
}

class DeleteAutoScalingConfigurationCommand extends command(_ep0, _mw0, "DeleteAutoScalingConfiguration", DeleteAutoScalingConfiguration$) {
}

class DeleteConnectionCommand extends command(_ep0, _mw0, "DeleteConnection", DeleteConnection$) {
}

class DeleteObservabilityConfigurationCommand extends command(_ep0, _mw0, "DeleteObservabilityConfiguration", DeleteObservabilityConfiguration$) {
}

class DeleteServiceCommand extends command(_ep0, _mw0, "DeleteService", DeleteService$) {
}

class DeleteVpcConnectorCommand extends command(_ep0, _mw0, "DeleteVpcConnector", DeleteVpcConnector$) {
}

class DeleteVpcIngressConnectionCommand extends command(_ep0, _mw0, "DeleteVpcIngressConnection", DeleteVpcIngressConnection$) {
}

class DescribeAutoScalingConfigurationCommand extends command(_ep0, _mw0, "DescribeAutoScalingConfiguration", DescribeAutoScalingConfiguration$) {
}

class DescribeCustomDomainsCommand extends command(_ep0, _mw0, "DescribeCustomDomains", DescribeCustomDomains$) {
}

class DescribeObservabilityConfigurationCommand extends command(_ep0, _mw0, "DescribeObservabilityConfiguration", DescribeObservabilityConfiguration$) {
}

class DescribeServiceCommand extends command(_ep0, _mw0, "DescribeService", DescribeService$) {
}

class DescribeVpcConnectorCommand extends command(_ep0, _mw0, "DescribeVpcConnector", DescribeVpcConnector$) {
}

class DescribeVpcIngressConnectionCommand extends command(_ep0, _mw0, "DescribeVpcIngressConnection", DescribeVpcIngressConnection$) {
}

class DisassociateCustomDomainCommand extends command(_ep0, _mw0, "DisassociateCustomDomain", DisassociateCustomDomain$) {
}

class ListAutoScalingConfigurationsCommand extends command(_ep0, _mw0, "ListAutoScalingConfigurations", ListAutoScalingConfigurations$) {
}

class ListConnectionsCommand extends command(_ep0, _mw0, "ListConnections", ListConnections$) {
}

class ListObservabilityConfigurationsCommand extends command(_ep0, _mw0, "ListObservabilityConfigurations", ListObservabilityConfigurations$) {
}

class ListOperationsCommand extends command(_ep0, _mw0, "ListOperations", ListOperations$) {
}

class ListServicesCommand extends command(_ep0, _mw0, "ListServices", ListServices$) {
}

class ListServicesForAutoScalingConfigurationCommand extends command(_ep0, _mw0, "ListServicesForAutoScalingConfiguration", ListServicesForAutoScalingConfiguration$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class ListVpcConnectorsCommand extends command(_ep0, _mw0, "ListVpcConnectors", ListVpcConnectors$) {
}

class ListVpcIngressConnectionsCommand extends command(_ep0, _mw0, "ListVpcIngressConnections", ListVpcIngressConnections$) {
}

class PauseServiceCommand extends command(_ep0, _mw0, "PauseService", PauseService$) {
}

class ResumeServiceCommand extends command(_ep0, _mw0, "ResumeService", ResumeService$) {
}

class StartDeploymentCommand extends command(_ep0, _mw0, "StartDeployment", StartDeployment$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateDefaultAutoScalingConfigurationCommand extends command(_ep0, _mw0, "UpdateDefaultAutoScalingConfiguration", UpdateDefaultAutoScalingConfiguration$) {
}

class UpdateServiceCommand extends command(_ep0, _mw0, "UpdateService", UpdateService$) {
}

class UpdateVpcIngressConnectionCommand extends command(_ep0, _mw0, "UpdateVpcIngressConnection", UpdateVpcIngressConnection$) {
}

const paginateDescribeCustomDomains = createPaginator(AppRunnerClient, DescribeCustomDomainsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListAutoScalingConfigurations = createPaginator(AppRunnerClient, ListAutoScalingConfigurationsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListConnections = createPaginator(AppRunnerClient, ListConnectionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListObservabilityConfigurations = createPaginator(AppRunnerClient, ListObservabilityConfigurationsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListOperations = createPaginator(AppRunnerClient, ListOperationsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListServicesForAutoScalingConfiguration = createPaginator(AppRunnerClient, ListServicesForAutoScalingConfigurationCommand, "NextToken", "NextToken", "MaxResults");

const paginateListServices = createPaginator(AppRunnerClient, ListServicesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListVpcConnectors = createPaginator(AppRunnerClient, ListVpcConnectorsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListVpcIngressConnections = createPaginator(AppRunnerClient, ListVpcIngressConnectionsCommand, "NextToken", "NextToken", "MaxResults");

const commands = {
    AssociateCustomDomainCommand,
    CreateAutoScalingConfigurationCommand,
    CreateConnectionCommand,
    CreateObservabilityConfigurationCommand,
    CreateServiceCommand,
    CreateVpcConnectorCommand,
    CreateVpcIngressConnectionCommand,
    DeleteAutoScalingConfigurationCommand,
    DeleteConnectionCommand,
    DeleteObservabilityConfigurationCommand,
    DeleteServiceCommand,
    DeleteVpcConnectorCommand,
    DeleteVpcIngressConnectionCommand,
    DescribeAutoScalingConfigurationCommand,
    DescribeCustomDomainsCommand,
    DescribeObservabilityConfigurationCommand,
    DescribeServiceCommand,
    DescribeVpcConnectorCommand,
    DescribeVpcIngressConnectionCommand,
    DisassociateCustomDomainCommand,
    ListAutoScalingConfigurationsCommand,
    ListConnectionsCommand,
    ListObservabilityConfigurationsCommand,
    ListOperationsCommand,
    ListServicesCommand,
    ListServicesForAutoScalingConfigurationCommand,
    ListTagsForResourceCommand,
    ListVpcConnectorsCommand,
    ListVpcIngressConnectionsCommand,
    PauseServiceCommand,
    ResumeServiceCommand,
    StartDeploymentCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateDefaultAutoScalingConfigurationCommand,
    UpdateServiceCommand,
    UpdateVpcIngressConnectionCommand,
};
const paginators = {
    paginateDescribeCustomDomains,
    paginateListAutoScalingConfigurations,
    paginateListConnections,
    paginateListObservabilityConfigurations,
    paginateListOperations,
    paginateListServices,
    paginateListServicesForAutoScalingConfiguration,
    paginateListVpcConnectors,
    paginateListVpcIngressConnections,
};
class AppRunner extends AppRunnerClient {
}
createAggregatedClient(commands, AppRunner, { paginators });

const CertificateValidationRecordStatus = {
    FAILED: "FAILED",
    PENDING_VALIDATION: "PENDING_VALIDATION",
    SUCCESS: "SUCCESS",
};
const CustomDomainAssociationStatus = {
    ACTIVE: "ACTIVE",
    BINDING_CERTIFICATE: "BINDING_CERTIFICATE",
    CREATE_FAILED: "CREATE_FAILED",
    CREATING: "CREATING",
    DELETE_FAILED: "DELETE_FAILED",
    DELETING: "DELETING",
    PENDING_CERTIFICATE_DNS_VALIDATION: "PENDING_CERTIFICATE_DNS_VALIDATION",
};
const AutoScalingConfigurationStatus = {
    ACTIVE: "ACTIVE",
    INACTIVE: "INACTIVE",
};
const ProviderType = {
    BITBUCKET: "BITBUCKET",
    GITHUB: "GITHUB",
};
const ConnectionStatus = {
    AVAILABLE: "AVAILABLE",
    DELETED: "DELETED",
    ERROR: "ERROR",
    PENDING_HANDSHAKE: "PENDING_HANDSHAKE",
};
const TracingVendor = {
    AWSXRAY: "AWSXRAY",
};
const ObservabilityConfigurationStatus = {
    ACTIVE: "ACTIVE",
    INACTIVE: "INACTIVE",
};
const HealthCheckProtocol = {
    HTTP: "HTTP",
    TCP: "TCP",
};
const EgressType = {
    DEFAULT: "DEFAULT",
    VPC: "VPC",
};
const IpAddressType = {
    DUAL_STACK: "DUAL_STACK",
    IPV4: "IPV4",
};
const Runtime = {
    CORRETTO_11: "CORRETTO_11",
    CORRETTO_8: "CORRETTO_8",
    DOTNET_6: "DOTNET_6",
    GO_1: "GO_1",
    NODEJS_12: "NODEJS_12",
    NODEJS_14: "NODEJS_14",
    NODEJS_16: "NODEJS_16",
    NODEJS_18: "NODEJS_18",
    NODEJS_22: "NODEJS_22",
    PHP_81: "PHP_81",
    PYTHON_3: "PYTHON_3",
    PYTHON_311: "PYTHON_311",
    RUBY_31: "RUBY_31",
};
const ConfigurationSource = {
    API: "API",
    REPOSITORY: "REPOSITORY",
};
const SourceCodeVersionType = {
    BRANCH: "BRANCH",
};
const ImageRepositoryType = {
    ECR: "ECR",
    ECR_PUBLIC: "ECR_PUBLIC",
};
const ServiceStatus = {
    CREATE_FAILED: "CREATE_FAILED",
    DELETED: "DELETED",
    DELETE_FAILED: "DELETE_FAILED",
    OPERATION_IN_PROGRESS: "OPERATION_IN_PROGRESS",
    PAUSED: "PAUSED",
    RUNNING: "RUNNING",
};
const VpcConnectorStatus = {
    ACTIVE: "ACTIVE",
    INACTIVE: "INACTIVE",
};
const VpcIngressConnectionStatus = {
    AVAILABLE: "AVAILABLE",
    DELETED: "DELETED",
    FAILED_CREATION: "FAILED_CREATION",
    FAILED_DELETION: "FAILED_DELETION",
    FAILED_UPDATE: "FAILED_UPDATE",
    PENDING_CREATION: "PENDING_CREATION",
    PENDING_DELETION: "PENDING_DELETION",
    PENDING_UPDATE: "PENDING_UPDATE",
};
const OperationStatus = {
    FAILED: "FAILED",
    IN_PROGRESS: "IN_PROGRESS",
    PENDING: "PENDING",
    ROLLBACK_FAILED: "ROLLBACK_FAILED",
    ROLLBACK_IN_PROGRESS: "ROLLBACK_IN_PROGRESS",
    ROLLBACK_SUCCEEDED: "ROLLBACK_SUCCEEDED",
    SUCCEEDED: "SUCCEEDED",
};
const OperationType = {
    CREATE_SERVICE: "CREATE_SERVICE",
    DELETE_SERVICE: "DELETE_SERVICE",
    PAUSE_SERVICE: "PAUSE_SERVICE",
    RESUME_SERVICE: "RESUME_SERVICE",
    START_DEPLOYMENT: "START_DEPLOYMENT",
    UPDATE_SERVICE: "UPDATE_SERVICE",
};

__webpack_unused_export__ = AppRunner;
exports.fpv = AppRunnerClient;
__webpack_unused_export__ = AppRunnerServiceException;
__webpack_unused_export__ = AppRunnerServiceException$;
__webpack_unused_export__ = AssociateCustomDomain$;
__webpack_unused_export__ = AssociateCustomDomainCommand;
__webpack_unused_export__ = AssociateCustomDomainRequest$;
__webpack_unused_export__ = AssociateCustomDomainResponse$;
__webpack_unused_export__ = AuthenticationConfiguration$;
__webpack_unused_export__ = AutoScalingConfiguration$;
__webpack_unused_export__ = AutoScalingConfigurationStatus;
__webpack_unused_export__ = AutoScalingConfigurationSummary$;
__webpack_unused_export__ = CertificateValidationRecord$;
__webpack_unused_export__ = CertificateValidationRecordStatus;
__webpack_unused_export__ = CodeConfiguration$;
__webpack_unused_export__ = CodeConfigurationValues$;
__webpack_unused_export__ = CodeRepository$;
__webpack_unused_export__ = ConfigurationSource;
__webpack_unused_export__ = Connection$;
__webpack_unused_export__ = ConnectionStatus;
__webpack_unused_export__ = ConnectionSummary$;
__webpack_unused_export__ = CreateAutoScalingConfiguration$;
__webpack_unused_export__ = CreateAutoScalingConfigurationCommand;
__webpack_unused_export__ = CreateAutoScalingConfigurationRequest$;
__webpack_unused_export__ = CreateAutoScalingConfigurationResponse$;
__webpack_unused_export__ = CreateConnection$;
__webpack_unused_export__ = CreateConnectionCommand;
__webpack_unused_export__ = CreateConnectionRequest$;
__webpack_unused_export__ = CreateConnectionResponse$;
__webpack_unused_export__ = CreateObservabilityConfiguration$;
__webpack_unused_export__ = CreateObservabilityConfigurationCommand;
__webpack_unused_export__ = CreateObservabilityConfigurationRequest$;
__webpack_unused_export__ = CreateObservabilityConfigurationResponse$;
__webpack_unused_export__ = CreateService$;
__webpack_unused_export__ = CreateServiceCommand;
__webpack_unused_export__ = CreateServiceRequest$;
__webpack_unused_export__ = CreateServiceResponse$;
__webpack_unused_export__ = CreateVpcConnector$;
__webpack_unused_export__ = CreateVpcConnectorCommand;
__webpack_unused_export__ = CreateVpcConnectorRequest$;
__webpack_unused_export__ = CreateVpcConnectorResponse$;
__webpack_unused_export__ = CreateVpcIngressConnection$;
__webpack_unused_export__ = CreateVpcIngressConnectionCommand;
__webpack_unused_export__ = CreateVpcIngressConnectionRequest$;
__webpack_unused_export__ = CreateVpcIngressConnectionResponse$;
__webpack_unused_export__ = CustomDomain$;
__webpack_unused_export__ = CustomDomainAssociationStatus;
__webpack_unused_export__ = DeleteAutoScalingConfiguration$;
__webpack_unused_export__ = DeleteAutoScalingConfigurationCommand;
__webpack_unused_export__ = DeleteAutoScalingConfigurationRequest$;
__webpack_unused_export__ = DeleteAutoScalingConfigurationResponse$;
__webpack_unused_export__ = DeleteConnection$;
__webpack_unused_export__ = DeleteConnectionCommand;
__webpack_unused_export__ = DeleteConnectionRequest$;
__webpack_unused_export__ = DeleteConnectionResponse$;
__webpack_unused_export__ = DeleteObservabilityConfiguration$;
__webpack_unused_export__ = DeleteObservabilityConfigurationCommand;
__webpack_unused_export__ = DeleteObservabilityConfigurationRequest$;
__webpack_unused_export__ = DeleteObservabilityConfigurationResponse$;
__webpack_unused_export__ = DeleteService$;
__webpack_unused_export__ = DeleteServiceCommand;
__webpack_unused_export__ = DeleteServiceRequest$;
__webpack_unused_export__ = DeleteServiceResponse$;
__webpack_unused_export__ = DeleteVpcConnector$;
__webpack_unused_export__ = DeleteVpcConnectorCommand;
__webpack_unused_export__ = DeleteVpcConnectorRequest$;
__webpack_unused_export__ = DeleteVpcConnectorResponse$;
__webpack_unused_export__ = DeleteVpcIngressConnection$;
__webpack_unused_export__ = DeleteVpcIngressConnectionCommand;
__webpack_unused_export__ = DeleteVpcIngressConnectionRequest$;
__webpack_unused_export__ = DeleteVpcIngressConnectionResponse$;
__webpack_unused_export__ = DescribeAutoScalingConfiguration$;
__webpack_unused_export__ = DescribeAutoScalingConfigurationCommand;
__webpack_unused_export__ = DescribeAutoScalingConfigurationRequest$;
__webpack_unused_export__ = DescribeAutoScalingConfigurationResponse$;
__webpack_unused_export__ = DescribeCustomDomains$;
__webpack_unused_export__ = DescribeCustomDomainsCommand;
__webpack_unused_export__ = DescribeCustomDomainsRequest$;
__webpack_unused_export__ = DescribeCustomDomainsResponse$;
__webpack_unused_export__ = DescribeObservabilityConfiguration$;
__webpack_unused_export__ = DescribeObservabilityConfigurationCommand;
__webpack_unused_export__ = DescribeObservabilityConfigurationRequest$;
__webpack_unused_export__ = DescribeObservabilityConfigurationResponse$;
__webpack_unused_export__ = DescribeService$;
exports.auI = DescribeServiceCommand;
__webpack_unused_export__ = DescribeServiceRequest$;
__webpack_unused_export__ = DescribeServiceResponse$;
__webpack_unused_export__ = DescribeVpcConnector$;
__webpack_unused_export__ = DescribeVpcConnectorCommand;
__webpack_unused_export__ = DescribeVpcConnectorRequest$;
__webpack_unused_export__ = DescribeVpcConnectorResponse$;
__webpack_unused_export__ = DescribeVpcIngressConnection$;
__webpack_unused_export__ = DescribeVpcIngressConnectionCommand;
__webpack_unused_export__ = DescribeVpcIngressConnectionRequest$;
__webpack_unused_export__ = DescribeVpcIngressConnectionResponse$;
__webpack_unused_export__ = DisassociateCustomDomain$;
__webpack_unused_export__ = DisassociateCustomDomainCommand;
__webpack_unused_export__ = DisassociateCustomDomainRequest$;
__webpack_unused_export__ = DisassociateCustomDomainResponse$;
__webpack_unused_export__ = EgressConfiguration$;
__webpack_unused_export__ = EgressType;
__webpack_unused_export__ = EncryptionConfiguration$;
__webpack_unused_export__ = HealthCheckConfiguration$;
__webpack_unused_export__ = HealthCheckProtocol;
__webpack_unused_export__ = ImageConfiguration$;
__webpack_unused_export__ = ImageRepository$;
__webpack_unused_export__ = ImageRepositoryType;
__webpack_unused_export__ = IngressConfiguration$;
__webpack_unused_export__ = IngressVpcConfiguration$;
__webpack_unused_export__ = InstanceConfiguration$;
__webpack_unused_export__ = InternalServiceErrorException;
__webpack_unused_export__ = InternalServiceErrorException$;
__webpack_unused_export__ = InvalidRequestException;
__webpack_unused_export__ = InvalidRequestException$;
__webpack_unused_export__ = InvalidStateException;
__webpack_unused_export__ = InvalidStateException$;
__webpack_unused_export__ = IpAddressType;
__webpack_unused_export__ = ListAutoScalingConfigurations$;
__webpack_unused_export__ = ListAutoScalingConfigurationsCommand;
__webpack_unused_export__ = ListAutoScalingConfigurationsRequest$;
__webpack_unused_export__ = ListAutoScalingConfigurationsResponse$;
__webpack_unused_export__ = ListConnections$;
__webpack_unused_export__ = ListConnectionsCommand;
__webpack_unused_export__ = ListConnectionsRequest$;
__webpack_unused_export__ = ListConnectionsResponse$;
__webpack_unused_export__ = ListObservabilityConfigurations$;
__webpack_unused_export__ = ListObservabilityConfigurationsCommand;
__webpack_unused_export__ = ListObservabilityConfigurationsRequest$;
__webpack_unused_export__ = ListObservabilityConfigurationsResponse$;
__webpack_unused_export__ = ListOperations$;
__webpack_unused_export__ = ListOperationsCommand;
__webpack_unused_export__ = ListOperationsRequest$;
__webpack_unused_export__ = ListOperationsResponse$;
__webpack_unused_export__ = ListServices$;
__webpack_unused_export__ = ListServicesCommand;
__webpack_unused_export__ = ListServicesForAutoScalingConfiguration$;
__webpack_unused_export__ = ListServicesForAutoScalingConfigurationCommand;
__webpack_unused_export__ = ListServicesForAutoScalingConfigurationRequest$;
__webpack_unused_export__ = ListServicesForAutoScalingConfigurationResponse$;
__webpack_unused_export__ = ListServicesRequest$;
__webpack_unused_export__ = ListServicesResponse$;
__webpack_unused_export__ = ListTagsForResource$;
__webpack_unused_export__ = ListTagsForResourceCommand;
__webpack_unused_export__ = ListTagsForResourceRequest$;
__webpack_unused_export__ = ListTagsForResourceResponse$;
__webpack_unused_export__ = ListVpcConnectors$;
__webpack_unused_export__ = ListVpcConnectorsCommand;
__webpack_unused_export__ = ListVpcConnectorsRequest$;
__webpack_unused_export__ = ListVpcConnectorsResponse$;
__webpack_unused_export__ = ListVpcIngressConnections$;
__webpack_unused_export__ = ListVpcIngressConnectionsCommand;
__webpack_unused_export__ = ListVpcIngressConnectionsFilter$;
__webpack_unused_export__ = ListVpcIngressConnectionsRequest$;
__webpack_unused_export__ = ListVpcIngressConnectionsResponse$;
__webpack_unused_export__ = NetworkConfiguration$;
__webpack_unused_export__ = ObservabilityConfiguration$;
__webpack_unused_export__ = ObservabilityConfigurationStatus;
__webpack_unused_export__ = ObservabilityConfigurationSummary$;
__webpack_unused_export__ = OperationStatus;
__webpack_unused_export__ = OperationSummary$;
__webpack_unused_export__ = OperationType;
__webpack_unused_export__ = PauseService$;
__webpack_unused_export__ = PauseServiceCommand;
__webpack_unused_export__ = PauseServiceRequest$;
__webpack_unused_export__ = PauseServiceResponse$;
__webpack_unused_export__ = ProviderType;
__webpack_unused_export__ = ResourceNotFoundException;
__webpack_unused_export__ = ResourceNotFoundException$;
__webpack_unused_export__ = ResumeService$;
__webpack_unused_export__ = ResumeServiceCommand;
__webpack_unused_export__ = ResumeServiceRequest$;
__webpack_unused_export__ = ResumeServiceResponse$;
__webpack_unused_export__ = Runtime;
__webpack_unused_export__ = Service$;
__webpack_unused_export__ = ServiceObservabilityConfiguration$;
__webpack_unused_export__ = ServiceQuotaExceededException;
__webpack_unused_export__ = ServiceQuotaExceededException$;
__webpack_unused_export__ = ServiceStatus;
__webpack_unused_export__ = ServiceSummary$;
__webpack_unused_export__ = SourceCodeVersion$;
__webpack_unused_export__ = SourceCodeVersionType;
__webpack_unused_export__ = SourceConfiguration$;
__webpack_unused_export__ = StartDeployment$;
__webpack_unused_export__ = StartDeploymentCommand;
__webpack_unused_export__ = StartDeploymentRequest$;
__webpack_unused_export__ = StartDeploymentResponse$;
__webpack_unused_export__ = Tag$;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceRequest$;
__webpack_unused_export__ = TagResourceResponse$;
__webpack_unused_export__ = TraceConfiguration$;
__webpack_unused_export__ = TracingVendor;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceRequest$;
__webpack_unused_export__ = UntagResourceResponse$;
__webpack_unused_export__ = UpdateDefaultAutoScalingConfiguration$;
__webpack_unused_export__ = UpdateDefaultAutoScalingConfigurationCommand;
__webpack_unused_export__ = UpdateDefaultAutoScalingConfigurationRequest$;
__webpack_unused_export__ = UpdateDefaultAutoScalingConfigurationResponse$;
__webpack_unused_export__ = UpdateService$;
__webpack_unused_export__ = UpdateServiceCommand;
__webpack_unused_export__ = UpdateServiceRequest$;
__webpack_unused_export__ = UpdateServiceResponse$;
__webpack_unused_export__ = UpdateVpcIngressConnection$;
__webpack_unused_export__ = UpdateVpcIngressConnectionCommand;
__webpack_unused_export__ = UpdateVpcIngressConnectionRequest$;
__webpack_unused_export__ = UpdateVpcIngressConnectionResponse$;
__webpack_unused_export__ = VpcConnector$;
__webpack_unused_export__ = VpcConnectorStatus;
__webpack_unused_export__ = VpcDNSTarget$;
__webpack_unused_export__ = VpcIngressConnection$;
__webpack_unused_export__ = VpcIngressConnectionStatus;
__webpack_unused_export__ = VpcIngressConnectionSummary$;
__webpack_unused_export__ = errorTypeRegistries;
__webpack_unused_export__ = paginateDescribeCustomDomains;
__webpack_unused_export__ = paginateListAutoScalingConfigurations;
__webpack_unused_export__ = paginateListConnections;
__webpack_unused_export__ = paginateListObservabilityConfigurations;
__webpack_unused_export__ = paginateListOperations;
exports.wjm = paginateListServices;
__webpack_unused_export__ = paginateListServicesForAutoScalingConfiguration;
__webpack_unused_export__ = paginateListVpcConnectors;
__webpack_unused_export__ = paginateListVpcIngressConnections;


/***/ })

};
