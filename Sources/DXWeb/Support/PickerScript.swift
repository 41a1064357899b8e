/// The only script of the site: on the report template page, clicking a reference of the
/// picker inserts it into section II at the cursor, and the builder assembles a reference from
/// an indicator, a unit and a period. Without it the page works the same: the references are
/// listed as text to copy. Served from our origin, as the Content-Security-Policy requires.
enum PickerScript {
    static let js = """
    (function () {
      var area = document.querySelector('textarea[name="sectionII"]');
      var picker = document.querySelector('details.picker');
      if (!area || !picker) return;
      function insert(token) {
        var start = area.selectionStart || 0, end = area.selectionEnd || 0;
        area.value = area.value.slice(0, start) + token + area.value.slice(end);
        area.focus();
        area.selectionStart = area.selectionEnd = start + token.length;
      }
      picker.addEventListener('click', function (e) {
        var code = e.target.closest('code');
        if (code) { e.preventDefault(); insert(code.textContent); }
      });
      var builder = picker.querySelector('.builder');
      if (!builder) return;
      builder.hidden = false;
      var kind = builder.querySelector('[name="refKind"]'), item = builder.querySelector('[name="refItem"]');
      var unit = builder.querySelector('[name="refUnit"]'), period = builder.querySelector('[name="refPeriod"]');
      var out = builder.querySelector('output');
      function token() {
        var fields = [kind.value, item.value];
        var u = unit.value.trim(), p = period.value.trim();
        if (u || p) fields.push(u);
        if (p) fields.push(p);
        return '[[' + fields.join('|') + ']]';
      }
      function show() { out.textContent = token(); }
      [kind, item, unit, period].forEach(function (el) { el.addEventListener('input', show); el.addEventListener('change', show); });
      show();
      builder.querySelector('button').addEventListener('click', function (e) { e.preventDefault(); insert(token()); });
    })();
    """
}
