// Progressive enhancement only: every page works without this script.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()

// After an item is added, copied or removed, bring it into view and focus its first field.
const form = document.querySelector('form[data-focus]')
const target = form && form.dataset.focus && document.getElementById(form.dataset.focus)
if (target) {
  const field = target.querySelector('input:not([type=hidden]), select, textarea')
  target.scrollIntoView()
  if (field) field.focus()
}

// A print button, and every collapsed part of the report opened for printing.
for (const button of document.querySelectorAll('.dma-print-button')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('.dma-report details:not([open])')) {
    details.setAttribute('open', '')
    details.dataset.printOpened = 'true'
  }
})
window.addEventListener('afterprint', () => {
  for (const details of document.querySelectorAll('details[data-print-opened]')) {
    details.removeAttribute('open')
    delete details.dataset.printOpened
  }
})
