import { SLACK_LIMITS, type KnownBlock as Block, type BlockKitHome, type BlockKitMessage, type BlockKitModal } from '../../../src/cards/blockkit';

/** Every breach of Slack's documented Block Kit limits in one surface, as readable lines. */
export function slackLimitBreaches(surface: BlockKitMessage | BlockKitModal | BlockKitHome, kind: 'message' | 'modal' | 'home'): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const max = kind === 'message' ? SLACK_LIMITS.messageBlocks : kind === 'modal' ? SLACK_LIMITS.modalBlocks : SLACK_LIMITS.homeBlocks;
  check(surface.blocks.length <= max, `${surface.blocks.length} blocks > ${max}`);
  if ('private_metadata' in surface) {
    check(surface.title.text.length <= SLACK_LIMITS.modalTitle, `modal title "${surface.title.text}" too long`);
    check(surface.private_metadata.length <= SLACK_LIMITS.privateMetadata, 'private_metadata too long');
    check(surface.close.text.length <= SLACK_LIMITS.modalButton, 'close too long');
    if (surface.submit) check(surface.submit.text.length <= SLACK_LIMITS.modalButton, 'submit too long');
  }
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const element = (e: { action_id?: string; text?: { text: string }; value?: string }, where: string) => {
    if (e.action_id !== undefined) {
      check(e.action_id.length <= SLACK_LIMITS.actionId, `${where}: action_id too long`);
      // action_ids must be unique within a message (Slack rejects duplicates).
      if (kind === 'message') check(!actionIds.has(e.action_id), `${where}: duplicate action_id ${e.action_id}`);
      actionIds.add(e.action_id);
    }
    if (e.value !== undefined) check(e.value.length <= SLACK_LIMITS.actionValue, `${where}: value too long`);
  };
  surface.blocks.forEach((b: Block, i) => {
    const where = `block ${i} (${b.type})`;
    if (b.block_id !== undefined) {
      check(b.block_id.length <= SLACK_LIMITS.blockId, `${where}: block_id too long`);
      check(!blockIds.has(b.block_id), `${where}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'header':
        check(b.text.text.length <= SLACK_LIMITS.headerText, `${where}: header too long`);
        check(b.text.type === 'plain_text', `${where}: header must be plain_text`);
        break;
      case 'section':
        check(b.text !== undefined || (b.fields?.length ?? 0) > 0, `${where}: empty section`);
        if (b.text) check(b.text.text.length <= SLACK_LIMITS.sectionText && b.text.text.length > 0, `${where}: text length ${b.text.text.length}`);
        for (const f of b.fields ?? []) check(f.text.length <= SLACK_LIMITS.sectionFieldText, `${where}: field too long`);
        check((b.fields?.length ?? 0) <= SLACK_LIMITS.sectionFields, `${where}: too many fields`);
        // Slack's types allow any accessory; ours are buttons only.
        if (b.accessory) check(b.accessory.type === 'button', `${where}: accessory is a ${b.accessory.type}`);
        if (b.accessory?.type === 'button') {
          check(b.accessory.text.text.length <= SLACK_LIMITS.buttonText, `${where}: button text too long`);
          element(b.accessory, where);
        }
        break;
      case 'context':
        check(b.elements.length > 0 && b.elements.length <= SLACK_LIMITS.contextElements, `${where}: context elements`);
        break;
      case 'actions':
        check(b.elements.length > 0 && b.elements.length <= SLACK_LIMITS.actionsElements, `${where}: actions elements`);
        for (const e of b.elements) {
          check(e.type === 'button', `${where}: ${e.type} in an actions block`);
          if (e.type !== 'button') continue;
          check(e.text.text.length <= SLACK_LIMITS.buttonText, `${where}: button text "${e.text.text}" too long`);
          element(e, where);
        }
        break;
      case 'input': {
        check(kind !== 'message', `${where}: input block in a message`);
        check(b.label.text.length <= SLACK_LIMITS.inputLabel, `${where}: label too long`);
        const e = b.element;
        element(e, where);
        if ('options' in e && e.options) {
          const cap = e.type === 'radio_buttons' ? SLACK_LIMITS.radioOptions : e.type === 'checkboxes' ? SLACK_LIMITS.checkboxOptions : SLACK_LIMITS.selectOptions;
          check(e.options.length <= cap, `${where}: ${e.options.length} options > ${cap}`);
          for (const o of e.options) {
            check(o.text.text.length <= SLACK_LIMITS.optionText, `${where}: option text too long`);
            check(o.value !== undefined && o.value.length <= SLACK_LIMITS.optionValue, `${where}: option value too long`);
          }
        }
        if (e.type === 'plain_text_input') check((e.max_length ?? 0) <= SLACK_LIMITS.plainTextInputMax, `${where}: max_length`);
        break;
      }
      case 'image':
        check('image_url' in b && /^https?:\/\//.test(b.image_url) && b.image_url.length <= SLACK_LIMITS.imageUrl, `${where}: image_url`);
        check(b.alt_text.length > 0 && b.alt_text.length <= SLACK_LIMITS.imageAltText, `${where}: alt_text length ${b.alt_text.length}`);
        if (b.title) check(b.title.text.length <= SLACK_LIMITS.imageTitle, `${where}: title too long`);
        break;
      case 'divider':
        break;
    }
  });
  return out;
}
