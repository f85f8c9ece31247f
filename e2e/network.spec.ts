import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';
import { resourceBlock } from './pages/yamlText.ts';

const NET = 'VirtualNetwork1';

/** Opens the sample, adds a Virtual Network from the palette and waits until it is drawn. */
async function withNetwork(editor: EditorPage): Promise<void> {
  await editor.open();
  await editor.palette.add('virtual-network');
  await expect(editor.node(NET)).toBeVisible();
  await editor.yaml.expectContains(`  ${NET}PrivateSubnet1:`, `  ${NET}PrivateSubnet2:`, `  ${NET}LambdaSecurityGroup:`);
  // its subnets and security group are listed on it
  await expect(editor.node(`${NET}PrivateSubnet1`)).toBeVisible();
  await editor.canvas.waitUntilStill(editor.node(NET));
}

test('drop into and out of a Virtual Network', async ({ page }) => {
  // six gestures and their checks: more than the default 30 s on a busy two-core machine
  test.slow();
  const editor = new EditorPage(page);
  await withNetwork(editor);
  await editor.palette.dropAt('function', await editor.canvas.emptyPoint());
  await expect(editor.node('Function1')).toBeVisible();
  await editor.yaml.expectText((t) => expect(resourceBlock(t, 'Function1')).not.toBeNull());
  const before = await editor.yaml.text();
  expect(resourceBlock(before, 'Function1')).not.toContain('VpcConfig');

  // in: the function runs in the network's private subnets, and is drawn where it was dropped
  const dropped = await editor.canvas.dragNodeInto('Function1', NET);
  await editor.yaml.expectText((t) => {
    const block = resourceBlock(t, 'Function1')!;
    expect(block).toContain(['      VpcConfig:', '        SecurityGroupIds:', `          - !Ref ${NET}LambdaSecurityGroup`, '        SubnetIds:', `          - !Ref ${NET}PrivateSubnet1`, `          - !Ref ${NET}PrivateSubnet2`].join('\n'));
  });
  const inside = await editor.yaml.text();
  await expect.poll(() => editor.canvas.isInside('Function1', NET), 'Function1 is drawn inside the network').toBe(true);
  const box = (await editor.node('Function1').boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - dropped.x), 'no jump').toBeLessThan(12);
  expect(Math.abs(box.y + box.height / 2 - dropped.y), 'no jump').toBeLessThan(12);

  // within the network: only moved
  const netBox = (await editor.node(NET).boundingBox())!;
  await editor.canvas.dragNode('Function1', { x: netBox.x + netBox.width * 0.45, y: netBox.y + netBox.height * 0.5 });
  await expect.poll(() => editor.canvas.isInside('Function1', NET)).toBe(true);
  await editor.yaml.expectText((t) => expect(t).toBe(inside));

  // out: the file is what it was before the drop, byte for byte
  await editor.canvas.dragNode('Function1', await editor.canvas.emptyPoint({ x: 0.5, y: 0.1 }));
  await editor.yaml.expectText((t) => expect(t).toBe(before));
  await expect.poll(() => editor.canvas.isInside('Function1', NET), 'Function1 is drawn outside the network').toBe(false);

  // undo steps back through the moves
  await editor.undo();
  await editor.yaml.expectText((t) => expect(t).toBe(inside));
  await expect.poll(() => editor.canvas.isInside('Function1', NET)).toBe(true);
  await editor.undo();
  await editor.yaml.expectText((t) => expect(t).toBe(before));
  await expect.poll(() => editor.canvas.isInside('Function1', NET)).toBe(false);
});

test('a database dropped from the palette into a network is added and placed in one step', async ({ page }) => {
  const editor = new EditorPage(page);
  await withNetwork(editor);
  const before = await editor.yaml.text();

  await editor.palette.dropInto('database', editor.node(NET));
  await expect(editor.node('Database1')).toBeVisible();
  await editor.yaml.expectText((t) => {
    const block = resourceBlock(t, 'Database1')!;
    expect(block).toContain('Type: AWS::RDS::DBCluster');
    expect(block).toContain(`      DBSubnetGroupName: !Ref ${NET}DBSubnetGroup`);
    expect(block).toContain('        - !Ref Database1SecurityGroup');
    expect(resourceBlock(t, `${NET}DBSubnetGroup`)).toContain(`        - !Ref ${NET}PrivateSubnet1`);
    expect(resourceBlock(t, 'Database1SecurityGroup')).toContain(`SourceSecurityGroupId: !Ref ${NET}LambdaSecurityGroup`);
  });
  const placed = await editor.yaml.text();
  await expect.poll(() => editor.canvas.isInside('Database1', NET)).toBe(true);

  await editor.undo();
  await editor.yaml.expectText((t) => expect(t).toBe(before));
  await expect(editor.node('Database1')).toHaveCount(0);
  await editor.redo();
  await editor.yaml.expectText((t) => expect(t).toBe(placed));

  // dragged out: what placing wrote goes, the database stays
  await editor.canvas.dragNode('Database1', await editor.canvas.emptyPoint({ x: 0.5, y: 0.1 }));
  await editor.yaml.expectText((t) => {
    expect(resourceBlock(t, 'Database1')).not.toContain('DBSubnetGroupName');
    expect(resourceBlock(t, 'Database1')).not.toContain('VpcSecurityGroupIds');
    expect(t).not.toContain(`${NET}DBSubnetGroup`);
    expect(t).not.toContain('Database1SecurityGroup');
  });
  await expect.poll(() => editor.canvas.isInside('Database1', NET)).toBe(false);
});

test('a table dragged into a network goes back, and the notice says why', async ({ page }) => {
  const editor = new EditorPage(page);
  await withNetwork(editor);
  await editor.palette.dropAt('table', await editor.canvas.emptyPoint());
  await expect(editor.node('Table1')).toBeVisible();
  await editor.canvas.waitUntilStill(editor.node('Table1'));
  const where = await editor.node('Table1').boundingBox();
  const text = await editor.yaml.text();

  await editor.canvas.dragNodeInto('Table1', NET);
  await expect(editor.canvas.notice()).toContainText('A Table cannot sit in a Virtual Network');
  await expect.poll(async () => JSON.stringify(await editor.node('Table1').boundingBox())).toBe(JSON.stringify(where));
  await editor.yaml.expectText((t) => expect(t).toBe(text));
});
