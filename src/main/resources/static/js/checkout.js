// Checkout with Stripe's Payment Element: card, Apple Pay / Google Pay and SEPA Debit
// when the Stripe account offers them. Stripe sends the buyer back to the order page.
(() => {
  const form = document.getElementById('stripe-form');
  if (!form || typeof Stripe === 'undefined') return;
  const stripe = Stripe(form.dataset.key, { locale: form.dataset.locale });
  const elements = stripe.elements({ clientSecret: form.dataset.secret });
  elements.create('payment').mount('#payment-element');
  const error = document.getElementById('stripe-error');
  const button = document.getElementById('stripe-pay');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: window.location.origin + form.dataset.return },
    });
    if (result.error) {
      error.textContent = result.error.message;
      error.hidden = false;
      button.disabled = false;
    }
  });
})();
