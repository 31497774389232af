import '@shopify/ui-extensions/preact';
import { render } from 'preact';

export default function extension() {
  render(<ThankYou />, document.body);
}

function ThankYou() {
  const number = shopify.orderConfirmation.value.number;
  return (
    <s-stack gap="base">
      <s-heading>{shopify.i18n.translate('heading', { number: number ?? '' })}</s-heading>
    </s-stack>
  );
}
