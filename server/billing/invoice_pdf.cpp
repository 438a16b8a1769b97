#include "invoice_pdf.h"

#include "http/http_types.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QGuiApplication>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace keel {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// 1234567.50 → "1,234,567.50": invoices are read by people.
QString grouped(const Money &m)
{
    const QString plain = m.abs().toString();
    const qsizetype dot = plain.indexOf(u'.');
    QString whole = dot < 0 ? plain : plain.left(dot);
    const QString frac = dot < 0 ? QString() : plain.mid(dot);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return (m.isNegative() ? QStringLiteral("-") : QString()) + whole + frac;
}

QString amount(const Money &m)
{
    return grouped(m) + u' ' + m.currency().code();
}

QString date(QDate d)
{
    return d.isValid() ? d.toString(QStringLiteral("d MMMM yyyy")) : QString();
}

QString countryName(const QString &code)
{
    static const QHash<QString, QString> names{{"US", "United States"},  {"GB", "United Kingdom"},
                                               {"UK", "United Kingdom"}, {"DE", "Germany"},
                                               {"FR", "France"},         {"NL", "Netherlands"},
                                               {"IE", "Ireland"},        {"CH", "Switzerland"}};
    return names.value(code, code);
}

QString html(const InvoiceDocument &doc)
{
    const InvoiceRow &r = doc.invoice;
    const bool credit = r.kind == QLatin1String("credit_note");
    const QString title = credit ? QStringLiteral("Credit note") : QStringLiteral("Invoice");
    const QString number = r.number.isEmpty() ? QStringLiteral("Draft %1").arg(r.id) : r.number;
    QString h;
    h += QStringLiteral("<html><body style=\"font-family:'DejaVu Sans'; font-size:9pt;\">");
    // Letterhead.
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                        "<td><span style=\"font-size:16pt; font-weight:bold; color:#1f3a5f;\">%1"
                        "</span><br/>%2</td><td align=\"right\"><span style=\"font-size:18pt;\">"
                        "%3</span><br/><b>%4</b></td></tr></table><hr/>")
             .arg(esc(r.entityName), esc(countryName(r.entityCountry)), esc(title), esc(number));
    if (r.number.isEmpty())
        h += QStringLiteral("<p style=\"color:#b00020;\"><b>DRAFT: not a valid invoice until "
                            "issued.</b></p>");
    // Client and dates.
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>"
                        "<td width=\"55%\" valign=\"top\"><b>Bill to</b><br/>%1<br/>%2</td>"
                        "<td valign=\"top\"><table cellspacing=\"0\" cellpadding=\"1\">")
             .arg(esc(r.accountName), esc(countryName(r.accountCountry)));
    const auto row = [&](const QString &k, const QString &v) {
        if (!v.isEmpty())
            h += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
                     .arg(esc(k), esc(v));
    };
    row(QStringLiteral("Number"), number);
    row(credit ? QStringLiteral("Date") : QStringLiteral("Invoice date"), date(r.invoiceDate));
    if (!credit)
        row(QStringLiteral("Due date"), date(r.dueDate));
    if (credit)
        row(QStringLiteral("Credits invoice"), doc.creditsNumber);
    row(QStringLiteral("Contract"), r.contractNumber);
    if (r.periodStart.isValid() && r.periodEnd.isValid())
        row(QStringLiteral("Period"), r.periodStart.toString(Qt::ISODate) + QStringLiteral(" – ") +
                                          r.periodEnd.toString(Qt::ISODate));
    row(QStringLiteral("Currency"), r.currency);
    h += QStringLiteral("</table></td></tr></table><br/>");

    // Lines.
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"0\">"
                        "<tr style=\"background-color:#1f3a5f; color:white;\"><th align=\"left\">#"
                        "</th><th align=\"left\">Description</th><th align=\"right\">Quantity</th>"
                        "<th align=\"right\">Unit price</th><th align=\"right\">Tax</th>"
                        "<th align=\"right\">Amount</th></tr>");
    QMap<QString, std::pair<Money, Money>> byRate; // rate → net, tax
    const Money zero = Money::zero(r.total.currency());
    int n = 0;
    for (const InvoiceLineRow &l : doc.lines) {
        QString description = esc(l.description);
        if (!l.projectName.isEmpty())
            description += QStringLiteral("<br/><span style=\"color:#555;\">%1</span>")
                               .arg(esc(l.projectName));
        if (l.writeDownStatus == QLatin1String("approved") && !l.writeDown.isZero())
            description += QStringLiteral("<br/><span style=\"color:#555;\">Reduced by %1 from "
                                          "%2</span>")
                               .arg(esc(amount(l.writeDown)), esc(amount(l.gross)));
        h += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td align=\"right\">%4 %5</td>"
                            "<td align=\"right\">%6</td><td align=\"right\">%7%</td>"
                            "<td align=\"right\">%8</td></tr>")
                 .arg(++n % 2 ? QString() : QStringLiteral(" style=\"background-color:#f0f3f7;\""))
                 .arg(l.lineNo)
                 .arg(description, esc(l.quantity), esc(l.unit), esc(l.unitPrice), esc(l.taxRate),
                      esc(grouped(l.amount)));
        auto &[net, tax] = byRate[l.taxRate];
        net = (net.isValid() ? net : zero).add(l.amount).valueOr(net);
        tax = (tax.isValid() ? tax : zero).add(l.taxAmount).valueOr(tax);
    }
    h += QStringLiteral("</table><br/>");

    // Tax per rate, totals.
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>"
                        "<td width=\"50%\" valign=\"top\"><b>Tax</b><table cellspacing=\"0\" "
                        "cellpadding=\"1\"><tr><td>Rate</td><td align=\"right\">Net</td>"
                        "<td align=\"right\">Tax</td></tr>");
    for (auto it = byRate.begin(); it != byRate.end(); ++it)
        h += QStringLiteral("<tr><td>%1%</td><td align=\"right\">%2</td><td align=\"right\">%3"
                            "</td></tr>")
                 .arg(esc(it.key()), esc(grouped(it->first)), esc(grouped(it->second)));
    h += QStringLiteral("</table>%1</td><td valign=\"top\" align=\"right\"><table "
                        "cellspacing=\"0\" cellpadding=\"2\">")
             .arg(r.taxNote.isEmpty() ? QString()
                                      : QStringLiteral("<p><i>%1</i></p>").arg(esc(r.taxNote)));
    h += QStringLiteral("<tr><td>Subtotal</td><td align=\"right\">%1</td></tr>"
                        "<tr><td>Tax (%2)</td><td align=\"right\">%3</td></tr>"
                        "<tr><td><b>%4</b></td><td align=\"right\"><b>%5</b></td></tr>")
             .arg(esc(amount(r.subtotal)), esc(r.taxCode), esc(amount(r.taxTotal)),
                  credit ? QStringLiteral("Total credited") : QStringLiteral("Total due"),
                  esc(amount(r.total)));
    if (!credit && r.amountPaid.isPositive())
        h += QStringLiteral("<tr><td>Paid or credited</td><td align=\"right\">%1</td></tr>"
                            "<tr><td><b>Balance</b></td><td align=\"right\"><b>%2</b></td></tr>")
                 .arg(esc(amount(r.amountPaid)),
                      esc(amount(r.total.subtract(r.amountPaid).valueOr(r.total))));
    if (r.functionalTotal.isValid() && r.functionalCurrency != r.currency)
        h += QStringLiteral("<tr><td colspan=\"2\" style=\"color:#555;\">%1 at %2 %3/%4</td></tr>")
                 .arg(esc(amount(r.functionalTotal)), esc(r.fxRate), esc(r.functionalCurrency),
                      esc(r.currency));
    h += QStringLiteral("</table></td></tr></table>");
    if (!credit)
        h += QStringLiteral("<p><b>Payment terms:</b> %1 days net, due by %2. Please quote %3 "
                            "with your payment.</p>")
                 .arg(r.invoiceDate.daysTo(r.dueDate))
                 .arg(esc(date(r.dueDate)), esc(number));
    if (!r.notes.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(r.notes).replace(u'\n', QStringLiteral("<br/>")));

    // Time detail appendix.
    if (!doc.time.isEmpty()) {
        h += QStringLiteral("<h3 style=\"page-break-before: always;\">Time detail – %1</h3>"
                            "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">"
                            "<tr style=\"background-color:#1f3a5f; color:white;\"><th "
                            "align=\"left\">Date</th><th align=\"left\">Person</th><th "
                            "align=\"left\">Project</th><th align=\"right\">Hours</th><th "
                            "align=\"left\">Notes</th></tr>")
                 .arg(esc(number));
        for (const TimeDetailRow &t : doc.time)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td>"
                                "<td>%5</td></tr>")
                     .arg(t.date.toString(Qt::ISODate), esc(t.person), esc(t.project), esc(t.hours),
                          esc(t.notes));
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

} // namespace

QByteArray renderInvoicePdf(const InvoiceDocument &doc)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw ApiError::unavailable(
            QStringLiteral("PDF rendering needs the server's QGuiApplication."));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(doc.invoice.number.isEmpty()
                            ? QStringLiteral("Draft invoice %1").arg(doc.invoice.id)
                            : doc.invoice.number);
        writer.setCreator(QStringLiteral("Keel"));
        QTextDocument text;
        text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
        // Lay out for the PDF's resolution, or the text comes out tiny (PLATFORM-NOTES).
        text.documentLayout()->setPaintDevice(&writer);
        text.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        text.setHtml(html(doc));
        text.print(&writer);
    }
    buffer.close();
    return out;
}

} // namespace keel
