import type { FrameLocator } from 'playwright-core';

/**
 * Puts the panel's issue on `planId` as an editor does: the picker shows at once on an issue without a plan, and
 * behind "Change plan" on an issue with one (the demo's issues all have one).
 */
export async function putIssueOnPlan(panel: FrameLocator, planId: string): Promise<void> {
  const change = panel.getByRole('button', { name: 'Change plan' });
  const picker = panel.getByLabel('Plan', { exact: true });
  await change.or(picker).first().waitFor({ timeout: 30_000 });
  if (await change.isVisible()) await change.click();
  await picker.selectOption(planId);
  await panel.getByLabel('Billing class').selectOption('covered');
  await panel.getByRole('button', { name: /Add to plan|Save plan/ }).click();
}
