import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { RuleContext } from '../rule.ts';
import { isIntrinsic, typedResources } from './resources.ts';

/**
 * Logical ids the SAM transform generates, which a SAM template may `Ref`, `GetAtt` or
 * `DependsOn` although it never declares them, and SAM's "referenceable properties"
 * (`!Ref MyFunction.Version`). Derived from the template's own SAM resources, as SAM's
 * golden expansions (tests/translator/output) name them:
 *
 * - Function `F`: `FRole` (no `Role` given), `F.Version` / `F.Alias` / `FAlias<name>` /
 *   `FVersion<hash>` (with `AutoPublishAlias`), `F<Event>` and `F<Event>Permission...` per
 *   event, `FUrl` / `FUrlPublicPermissions` (FunctionUrlConfig), `FEventInvokeConfig...` and
 *   `F.DestinationTopic` / `F.DestinationQueue` (EventInvokeConfig), `FDeploymentGroup`,
 *   `ServerlessDeploymentApplication` and `CodeDeployServiceRole` (DeploymentPreference).
 * - StateMachine `S`: `SRole`, `S<Event>...`, `S.Alias` / `S.Version` / `SAlias<name>`.
 * - Api `A` (and the implicit `ServerlessRestApi` of `Api` events without `RestApiId`):
 *   `A<Stage>Stage`, `A.Stage`, `A.Deployment`, `ADeployment<hash>`, `A.DomainName` /
 *   `A.DomainNameV2` / `A...BasePathMapping` (Domain), `A.UsagePlan` / `A.UsagePlanKey` /
 *   `A.ApiKey` and `AUsagePlan...` / `AApiKey` (or the shared `ServerlessUsagePlan...`),
 *   `A<Authorizer>AuthorizerPermission`.
 * - HttpApi `H` (and `ServerlessHttpApi`): `HApiGatewayDefaultStage` / `H<Stage>Stage`,
 *   `H.Stage`, `H.DomainName`, `H...ApiMapping`, `H<Authorizer>AuthorizerPermission`.
 * - GraphQLApi, WebSocketApi and Connector `X`: ids starting with `X` (SAM names their data
 *   sources, resolvers, routes and policies after the user's own keys).
 * - CapacityProvider `C`: `COperatorRole`.
 * - Any resource `R` with embedded `Connectors`: `R<Connector>` and ids starting with it.
 *
 * LayerVersion ids get a content hash and cannot be referenced by the generated id.
 */
export interface SamGenerated {
  /** The CloudFormation type SAM generates under that id (`''`: some type), or undefined: not generated. */
  typeOf(name: string): string | undefined;
}

const NONE: SamGenerated = { typeOf: () => undefined };

/**
 * Does the template use the SAM transform? Also true when it declares `AWS::Serverless::*`
 * resources without the `Transform` line (SAM's own test inputs do): a missing transform is
 * a problem of its own, not a reason to call every generated id dangling.
 */
export function isSamTemplate(ctx: RuleContext): boolean {
  if (ctx.format !== 'cloudformation') return false;
  const t = ctx.value.Transform;
  const list = Array.isArray(t) ? t : [t];
  if (list.some((x) => x === 'AWS::Serverless-2016-10-31' || (isObject(x) && x.Name === 'AWS::Serverless-2016-10-31'))) return true;
  for (const r of typedResources(ctx)) if (r.type.startsWith('AWS::Serverless::')) return true;
  return false;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const given = (v: CfnValue | undefined): boolean => v !== undefined && v !== null;

/** Type of the resource SAM generates as `<Function><EventName>`, per event type. */
const EVENT_RESOURCE: Readonly<Record<string, string>> = {
  Schedule: 'AWS::Events::Rule',
  CloudWatchEvent: 'AWS::Events::Rule',
  EventBridgeRule: 'AWS::Events::Rule',
  ScheduleV2: 'AWS::Scheduler::Schedule',
  SQS: 'AWS::Lambda::EventSourceMapping',
  Kinesis: 'AWS::Lambda::EventSourceMapping',
  DynamoDB: 'AWS::Lambda::EventSourceMapping',
  MSK: 'AWS::Lambda::EventSourceMapping',
  MQ: 'AWS::Lambda::EventSourceMapping',
  DocumentDB: 'AWS::Lambda::EventSourceMapping',
  SelfManagedKafka: 'AWS::Lambda::EventSourceMapping',
  SNS: 'AWS::SNS::Subscription',
  CloudWatchLogs: 'AWS::Logs::SubscriptionFilter',
  IoTRule: 'AWS::IoT::TopicRule',
};

export function samGenerated(ctx: RuleContext): SamGenerated {
  if (!isSamTemplate(ctx)) return NONE;
  const exact = new Map<string, string>();
  const patterns: { re: RegExp; type: string }[] = [];
  const add = (name: string, type: string): void => {
    if (!exact.has(name)) exact.set(name, type);
  };
  const addPattern = (re: string, type: string): void => {
    patterns.push({ re: new RegExp(`^${re}$`), type });
  };
  const globals = isObject(ctx.value.Globals) ? ctx.value.Globals : {};
  const globalSection = (s: string): CfnObject => {
    const g = globals[s];
    return isObject(g) && !isIntrinsic(g) ? g : {};
  };
  const gFunction = globalSection('Function');
  const gApi = globalSection('Api');
  const gHttpApi = globalSection('HttpApi');
  let implicitRest = false;
  let implicitHttp = false;
  let deployment = false;

  const events = (id: string, props: CfnObject, stateMachine: boolean): void => {
    const ev = props.Events;
    if (!isObject(ev) || isIntrinsic(ev)) return;
    for (const name of Object.keys(ev)) {
      const e = ev[name];
      const type = isObject(e) && typeof e.Type === 'string' ? e.Type : '';
      const ep = isObject(e) && isObject(e.Properties) ? e.Properties : {};
      if (type === 'Api' && !given(ep.RestApiId)) implicitRest = true;
      if (type === 'HttpApi' && !given(ep.ApiId)) implicitHttp = true;
      add(`${id}${name}`, EVENT_RESOURCE[type] ?? '');
      if (stateMachine) add(`${id}${name}Role`, 'AWS::IAM::Role');
      else add(`${id}${name}Permission`, 'AWS::Lambda::Permission');
      addPattern(`${escape(id + name)}\\w+`, '');
    }
  };
  const alias = (id: string, value: CfnValue | undefined, aliasType: string, versionType: string): void => {
    if (!given(value)) return;
    add(`${id}.Alias`, aliasType);
    add(`${id}.Version`, versionType);
    if (typeof value === 'string') add(`${id}Alias${value}`, aliasType);
    else addPattern(`${escape(id)}Alias\\w+`, aliasType);
    add(`${id}Version`, versionType);
    addPattern(`${escape(id)}Version\\w+`, versionType);
  };
  const restApi = (id: string, props: CfnObject): void => {
    add(`${id}.Stage`, 'AWS::ApiGateway::Stage');
    add(`${id}.Deployment`, 'AWS::ApiGateway::Deployment');
    if (typeof props.StageName === 'string') add(`${id}${props.StageName}Stage`, 'AWS::ApiGateway::Stage');
    else addPattern(`${escape(id)}\\w*Stage`, 'AWS::ApiGateway::Stage');
    addPattern(`${escape(id)}Deployment\\w+`, 'AWS::ApiGateway::Deployment');
    if (given(props.Domain) || given(gApi.Domain)) {
      add(`${id}.DomainName`, 'AWS::ApiGateway::DomainName');
      add(`${id}.DomainNameV2`, 'AWS::ApiGateway::DomainNameV2');
      addPattern(`${escape(id)}\\w*BasePathMapping`, '');
      addPattern('ApiGatewayDomainName\\w+', 'AWS::ApiGateway::DomainName');
    }
    const auth = isObject(props.Auth) ? props.Auth : isObject(gApi.Auth) ? gApi.Auth : {};
    if (given(auth.UsagePlan)) {
      add(`${id}.UsagePlan`, 'AWS::ApiGateway::UsagePlan');
      add(`${id}.UsagePlanKey`, 'AWS::ApiGateway::UsagePlanKey');
      add(`${id}.ApiKey`, 'AWS::ApiGateway::ApiKey');
      add(`${id}UsagePlan`, 'AWS::ApiGateway::UsagePlan');
      add(`${id}UsagePlanKey`, 'AWS::ApiGateway::UsagePlanKey');
      add(`${id}ApiKey`, 'AWS::ApiGateway::ApiKey');
      add('ServerlessUsagePlan', 'AWS::ApiGateway::UsagePlan');
      add('ServerlessUsagePlanKey', 'AWS::ApiGateway::UsagePlanKey');
      add('ServerlessApiKey', 'AWS::ApiGateway::ApiKey');
    }
    addPattern(`${escape(id)}\\w+AuthorizerPermission`, 'AWS::Lambda::Permission');
  };
  const httpApi = (id: string, props: CfnObject): void => {
    add(`${id}.Stage`, 'AWS::ApiGatewayV2::Stage');
    add(`${id}ApiGatewayDefaultStage`, 'AWS::ApiGatewayV2::Stage');
    addPattern(`${escape(id)}\\w*Stage`, 'AWS::ApiGatewayV2::Stage');
    if (given(props.Domain) || given(gHttpApi.Domain)) {
      add(`${id}.DomainName`, 'AWS::ApiGatewayV2::DomainName');
      addPattern(`${escape(id)}\\w*ApiMapping`, 'AWS::ApiGatewayV2::ApiMapping');
      addPattern('ApiGatewayDomainNameV2\\w+', 'AWS::ApiGatewayV2::DomainName');
    }
    addPattern(`${escape(id)}\\w+AuthorizerPermission`, 'AWS::Lambda::Permission');
  };

  for (const { id, type, resource } of typedResources(ctx)) {
    // Embedded connectors (`Connectors:` on any resource) become `<Id><ConnectorName>...`.
    const connectors = resource.Connectors;
    if (isObject(connectors) && !isIntrinsic(connectors)) {
      for (const name of Object.keys(connectors)) {
        add(`${id}${name}`, '');
        addPattern(`${escape(id + name)}\\w+`, '');
      }
    }
    const props = isObject(resource.Properties) && !isIntrinsic(resource.Properties) ? resource.Properties : {};
    switch (type) {
      case 'AWS::Serverless::Function': {
        if (!given(props.Role)) add(`${id}Role`, 'AWS::IAM::Role');
        alias(id, props.AutoPublishAlias ?? gFunction.AutoPublishAlias, 'AWS::Lambda::Alias', 'AWS::Lambda::Version');
        events(id, props, false);
        if (given(props.FunctionUrlConfig)) {
          add(`${id}Url`, 'AWS::Lambda::Url');
          add(`${id}UrlPublicPermissions`, 'AWS::Lambda::Permission');
          add(`${id}URLInvokeAllowPublicAccess`, 'AWS::Lambda::Permission');
        }
        if (given(props.EventInvokeConfig) || given(gFunction.EventInvokeConfig)) {
          add(`${id}EventInvokeConfig`, 'AWS::Lambda::EventInvokeConfig');
          addPattern(`${escape(id)}EventInvokeConfig\\w+`, '');
          add(`${id}.DestinationTopic`, 'AWS::SNS::Topic');
          add(`${id}.DestinationQueue`, 'AWS::SQS::Queue');
        }
        if (given(props.DeploymentPreference) || given(gFunction.DeploymentPreference)) {
          add(`${id}DeploymentGroup`, 'AWS::CodeDeploy::DeploymentGroup');
          deployment = true;
        }
        break;
      }
      case 'AWS::Serverless::StateMachine':
        if (!given(props.Role)) add(`${id}Role`, 'AWS::IAM::Role');
        alias(id, props.AutoPublishAlias, 'AWS::StepFunctions::StateMachineAlias', 'AWS::StepFunctions::StateMachineVersion');
        events(id, props, true);
        break;
      case 'AWS::Serverless::Api':
        restApi(id, props);
        break;
      case 'AWS::Serverless::HttpApi':
        httpApi(id, props);
        break;
      case 'AWS::Serverless::GraphQLApi':
      case 'AWS::Serverless::WebSocketApi':
      case 'AWS::Serverless::Connector':
        addPattern(`${escape(id)}\\w+`, '');
        break;
      case 'AWS::Serverless::CapacityProvider':
        add(`${id}OperatorRole`, 'AWS::IAM::Role');
        break;
    }
  }
  if (implicitRest) {
    add('ServerlessRestApi', 'AWS::ApiGateway::RestApi');
    restApi('ServerlessRestApi', {});
  }
  if (implicitHttp) {
    add('ServerlessHttpApi', 'AWS::ApiGatewayV2::Api');
    httpApi('ServerlessHttpApi', {});
  }
  if (deployment) {
    add('ServerlessDeploymentApplication', 'AWS::CodeDeploy::Application');
    add('CodeDeployServiceRole', 'AWS::IAM::Role');
  }
  return {
    typeOf(name) {
      const t = exact.get(name);
      if (t !== undefined) return t;
      return patterns.find((p) => p.re.test(name))?.type;
    },
  };
}
