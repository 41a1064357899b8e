/// Styles of the form designer and the consolidated tables.
enum FormStyles {
    static let css = """
    .wide{overflow-x:auto}
    label.check input[type=radio]{display:inline-block;width:auto;margin:.2rem 0 0;flex:none}
    #period-form label,#period-form select{display:inline-block;width:auto}
    table.designer input:not([type=checkbox]),table.designer select{min-width:3.5rem;margin:0}
    table.form-table th{text-align:center;vertical-align:middle}
    table.form-table tbody th{text-align:left;font-weight:normal;background:none}
    table.form-table tr.numbers th{font-weight:normal;font-style:italic}
    table.form-table tr.total th,table.form-table tr.total td{font-weight:bold}
    """
}
