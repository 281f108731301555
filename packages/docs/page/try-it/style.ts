// The panel's look: readable on a phone and beside Redoc's own styles.
export const STYLE = `
dialog.try-it { width: min(48rem, calc(100vw - 1rem)); max-height: calc(100vh - 2rem); padding: 0; border: 1px solid #8884;
  border-radius: 8px; font: 14px/1.45 system-ui, sans-serif; color: #1a1a1a; background: #fff; box-sizing: border-box; }
dialog.try-it::backdrop { background: #0006; }
.try-it header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 0.75rem 1rem;
  border-bottom: 1px solid #8883; position: sticky; top: 0; background: inherit; }
.try-it h2 { margin: 0; font-size: 1.1rem; }
.try-it-close { font-size: 1.4rem; line-height: 1; background: none; border: 0; cursor: pointer; padding: 0.25rem 0.5rem; }
.try-it-where, .try-it-form, .try-it-result { margin: 0; padding: 0.5rem 1rem; }
.try-it-where { font-family: ui-monospace, monospace; }
.try-it fieldset { border: 0; padding: 0; margin: 0 0 0.75rem; }
.try-it legend { font-weight: 600; margin-bottom: 0.25rem; }
.try-it-field { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.5rem; align-items: center; margin: 0.25rem 0; }
@media (max-width: 36rem) { .try-it-field { grid-template-columns: 1fr; gap: 0.1rem; } }
.try-it input, .try-it textarea { font: 13px ui-monospace, monospace; padding: 0.3rem 0.4rem; border: 1px solid #8886;
  border-radius: 4px; width: 100%; box-sizing: border-box; min-width: 0; }
.try-it textarea { resize: vertical; }
.try-it button { font: inherit; cursor: pointer; }
.try-it-send, .try-it-copy { padding: 0.35rem 1rem; border-radius: 4px; border: 1px solid #0b3d5c; }
.try-it-send { background: #0b3d5c; color: #fff; }
.try-it-send:disabled { opacity: 0.6; }
.try-it-copy { background: #fff; color: #0b3d5c; margin-right: 0.5rem; }
.try-it-status { font-weight: 600; font-size: 1.05rem; }
.try-it-status span { font-weight: normal; color: #555; }
.try-it-body { max-height: 24rem; overflow: auto; background: #f6f6f6; padding: 0.5rem; border-radius: 4px; white-space: pre; }
.try-it dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.25rem 0; font: 12px ui-monospace, monospace; }
.try-it dd { margin: 0; overflow-wrap: anywhere; }
.try-it-problem, .try-it-mismatch { color: #9b1c1c; }
.try-it-ok { color: #1d6b35; }
.try-it-copies { margin: 0.5rem 0; }
.try-it-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
