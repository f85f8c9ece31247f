/**
 * Deterministic SAM templates of a given size for benchmarks: functions with API and queue
 * events, policies and environment variables wired to tables, queues, buckets and topics,
 * with comments, Parameters and Outputs, as a hand-written template would have.
 */
export function generateSamTemplate(resources: number): string {
  const out: string[] = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    `Description: Generated stack with ${resources} resources`,
    '',
    'Parameters:',
    '  Stage:',
    '    Type: String',
    '    Default: dev',
    '    AllowedValues: [dev, prod]',
    '',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs22.x',
    '    Timeout: 10',
    '    MemorySize: 256',
    '',
    'Resources:',
  ];
  const groups = Math.ceil(resources / 5);
  let written = 0;
  for (let g = 0; g < groups && written < resources; g++) {
    const n = String(g).padStart(4, '0');
    const blocks: string[][] = [
      [
        `  # Orders ${n}: the table behind the API`,
        `  Table${n}:`,
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      BillingMode: PAY_PER_REQUEST',
        '      AttributeDefinitions:',
        '        - AttributeName: id',
        '          AttributeType: S',
        '      KeySchema:',
        '        - AttributeName: id',
        '          KeyType: HASH',
      ],
      [`  Queue${n}:`, '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: 60', `      QueueName: !Sub '\${AWS::StackName}-jobs-${n}'`],
      [`  Bucket${n}:`, '    Type: AWS::S3::Bucket', '    Properties:', '      PublicAccessBlockConfiguration:', '        BlockPublicAcls: true', '        BlockPublicPolicy: true', '        IgnorePublicAcls: true', '        RestrictPublicBuckets: true'],
      [`  Topic${n}:`, '    Type: AWS::SNS::Topic', '    Properties:', `      DisplayName: "Topic ${n}"`],
      [
        `  Function${n}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: index.handler   # entry point',
        `      CodeUri: src/function${n}/`,
        '      Environment:',
        '        Variables:',
        `          TABLE_NAME: !Ref Table${n}`,
        `          QUEUE_URL: !Ref Queue${n}`,
        '          STAGE: !Ref Stage',
        '      Policies:',
        '        - DynamoDBCrudPolicy:',
        `            TableName: !Ref Table${n}`,
        '        - SQSSendMessagePolicy:',
        `            QueueName: !GetAtt Queue${n}.QueueName`,
        '        - S3ReadPolicy:',
        `            BucketName: !Ref Bucket${n}`,
        '      Events:',
        '        Get:',
        '          Type: Api',
        '          Properties:',
        `            Path: /orders${n}/{id}`,
        '            Method: get',
        '        Jobs:',
        '          Type: SQS',
        '          Properties:',
        `            Queue: !GetAtt Queue${n}.Arn`,
        '            BatchSize: 10',
      ],
    ];
    for (const b of blocks) {
      if (written >= resources) break;
      out.push('', ...b);
      written++;
    }
  }
  out.push('', 'Outputs:');
  for (let g = 0; g < Math.min(groups, 20); g++) {
    const n = String(g).padStart(4, '0');
    out.push(`  TableArn${n}:`, `    Value: !GetAtt Table${n}.Arn`);
  }
  return out.join('\n') + '\n';
}
