#include "invoice_pdf.h"

#include "http/http_types.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
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

// Multi-line text from the database as escaped HTML lines.
QString lines(const QString &text)
{
    QStringList out;
    for (const QString &l : text.split(u'\n'))
        if (!l.trimmed().isEmpty())
            out << esc(l.trimmed());
    return out.join(QStringLiteral("<br/>"));
}

// What the tax id is called where the entity is registered.
QString taxIdLabel(const QString &country)
{
    if (country == QLatin1String("GB") || country == QLatin1String("UK"))
        return QStringLiteral("VAT reg. no.");
    if (country == QLatin1String("DE"))
        return QStringLiteral("USt-IdNr.");
    if (country == QLatin1String("US"))
        return QStringLiteral("EIN");
    return QStringLiteral("VAT id");
}

// The address as printed, with the country as its last line unless the address already ends
// with it.
QString address(const QString &text, const QString &country)
{
    const QString name = countryName(country);
    QString out = lines(text);
    const QString last = text.trimmed().section(u'\n', -1).trimmed();
    if (last.compare(name, Qt::CaseInsensitive) != 0 && last != country)
        out += (out.isEmpty() ? QString() : QStringLiteral("<br/>")) + esc(name);
    return out;
}

// The tax code's note; a reverse-charge one names both VAT ids, as the buyer accounts for the
// tax under the seller's supply.
QString taxNote(const InvoiceRow &r, const InvoiceParties &p)
{
    QString note =
        r.taxNote.isEmpty() ? QString() : QStringLiteral("<i>%1</i>").arg(esc(r.taxNote));
    if (r.taxCode == QLatin1String("EU_REVERSE_CHARGE")) {
        const QString none = QStringLiteral("not recorded");
        note += QStringLiteral("<br/>Supplier VAT id: %1<br/>Customer VAT id: %2")
                    .arg(esc(p.entityTaxId.isEmpty() ? none : p.entityTaxId),
                         esc(p.accountTaxId.isEmpty() ? none : p.accountTaxId));
    }
    return note.isEmpty() ? QString() : QStringLiteral("<p>%1</p>").arg(note);
}

QString html(const InvoiceDocument &doc)
{
    const InvoiceRow &r = doc.invoice;
    const bool credit = r.kind == QLatin1String("credit_note");
    const QString title = credit ? QStringLiteral("Credit note") : QStringLiteral("Invoice");
    const QString number = r.number.isEmpty() ? QStringLiteral("Draft %1").arg(r.id) : r.number;
    QString h;
    h += QStringLiteral("<html><body style=\"font-family:'DejaVu Sans'; font-size:9pt;\">");
    const InvoiceParties &p = doc.parties;
    // Letterhead: who issues it, where it is registered, its tax number.
    QString seller = address(p.entityAddress, r.entityCountry);
    QStringList ids;
    if (!p.entityTaxId.isEmpty())
        ids << esc(taxIdLabel(r.entityCountry)) + u' ' + esc(p.entityTaxId);
    if (!p.entityRegistration.isEmpty())
        ids << lines(p.entityRegistration);
    if (!ids.isEmpty())
        seller += QStringLiteral("<br/><span style=\"color:#555;\">%1</span>")
                      .arg(ids.join(QStringLiteral("<br/>")));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                        "<td valign=\"top\"><span style=\"font-size:16pt; font-weight:bold; "
                        "color:#1f3a5f;\">%1</span><br/>%2</td><td align=\"right\" "
                        "valign=\"top\"><span style=\"font-size:18pt;\">%3</span><br/><b>%4</b>"
                        "</td></tr></table><hr/>")
             .arg(esc(r.entityName), seller, esc(title), esc(number));
    if (r.number.isEmpty())
        h += QStringLiteral("<p style=\"color:#b00020;\"><b>DRAFT: not a valid invoice until "
                            "issued.</b></p>");
    // Client and dates.
    QString buyer =
        esc(r.accountName) + QStringLiteral("<br/>") + address(p.billingAddress, r.accountCountry);
    if (!p.accountTaxId.isEmpty())
        buyer += QStringLiteral("<br/>%1 %2")
                     .arg(esc(taxIdLabel(r.accountCountry)), esc(p.accountTaxId));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>"
                        "<td width=\"55%\" valign=\"top\"><b>Bill to</b><br/>%1</td>"
                        "<td valign=\"top\"><table cellspacing=\"0\" cellpadding=\"1\">")
             .arg(buyer);
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
    h += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>"
        "<td width=\"50%\" valign=\"top\"><b>Tax</b><table cellspacing=\"0\" "
        "cellpadding=\"2\" width=\"80%\"><tr><td>Rate</td><td align=\"right\">Net</td>"
        "<td align=\"right\">Tax</td></tr>");
    for (auto it = byRate.begin(); it != byRate.end(); ++it)
        h += QStringLiteral("<tr><td>%1%</td><td align=\"right\">%2</td><td align=\"right\">%3"
                            "</td></tr>")
                 .arg(esc(it.key()), esc(grouped(it->first)), esc(grouped(it->second)));
    h += QStringLiteral("</table>%1</td><td valign=\"top\" align=\"right\"><table "
                        "cellspacing=\"0\" cellpadding=\"2\">")
             .arg(taxNote(r, p));
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
    if (!credit && !p.bankDetails.isEmpty())
        h += QStringLiteral("<p><b>Payment to</b><br/>%1</p>").arg(lines(p.bankDetails));
    if (!r.notes.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(r.notes).replace(u'\n', QStringLiteral("<br/>")));

    h += QStringLiteral("</body></html>");
    return h;
}

// The time-detail appendix, painted row by row: as a QTextDocument table its hundreds of cells
// cost several times the whole invoice (about 100 ms for 120 entries).
void paintTimeDetail(QPainter &painter, QPdfWriter &writer, const InvoiceDocument &doc,
                     const QSizeF &page)
{
    const QString number = doc.invoice.number.isEmpty()
                               ? QStringLiteral("Draft %1").arg(doc.invoice.id)
                               : doc.invoice.number;
    QFont font(QStringLiteral("DejaVu Sans"), 8);
    QFont bold = font;
    bold.setBold(true);
    QFont title(QStringLiteral("DejaVu Sans"), 12);
    title.setBold(true);
    const QFontMetricsF fm(font, &writer);
    const qreal row = fm.height() * 1.35;
    const qreal w = page.width();
    // Date, person, project, hours (right-aligned), notes.
    const qreal x[] = {0, w * 0.13, w * 0.33, w * 0.55, w * 0.64};
    const qreal hoursRight = w * 0.62;
    qreal y = 0;
    const auto header = [&] {
        painter.setFont(title);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, y, w, row * 2), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("Time detail – %1").arg(number));
        y += row * 2.2;
        painter.fillRect(QRectF(0, y, w, row), QColor(0x1f, 0x3a, 0x5f));
        painter.setFont(bold);
        painter.setPen(Qt::white);
        const QStringList names{QStringLiteral("Date"), QStringLiteral("Person"),
                                QStringLiteral("Project"), QString(), QStringLiteral("Notes")};
        for (int i = 0; i < 5; ++i)
            if (!names.at(i).isEmpty())
                painter.drawText(QRectF(x[i] + row * 0.2, y, w, row), Qt::AlignVCenter,
                                 names.at(i));
        painter.drawText(QRectF(0, y, hoursRight, row), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("Hours"));
        y += row;
        painter.setFont(font);
        painter.setPen(Qt::black);
    };
    header();
    int n = 0;
    for (const TimeDetailRow &t : doc.time) {
        if (y + row > page.height()) {
            writer.newPage();
            y = 0;
            header();
        }
        if (++n % 2 == 0)
            painter.fillRect(QRectF(0, y, w, row), QColor(0xf0, 0xf3, 0xf7));
        const auto cell = [&](int i, qreal right, const QString &text) {
            const qreal left = x[i] + row * 0.2;
            painter.drawText(QRectF(left, y, right - left, row), Qt::AlignVCenter,
                             fm.elidedText(text, Qt::ElideRight, right - left));
        };
        cell(0, x[1], t.date.toString(Qt::ISODate));
        cell(1, x[2], t.person);
        cell(2, x[3], t.project);
        painter.drawText(QRectF(0, y, hoursRight, row), Qt::AlignRight | Qt::AlignVCenter, t.hours);
        cell(4, w, t.notes);
        y += row;
    }
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
        const QSizeF page = writer.pageLayout().paintRectPixels(writer.resolution()).size();
        QTextDocument text;
        text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
        // Lay out for the PDF's resolution, or the text comes out tiny (PLATFORM-NOTES).
        text.documentLayout()->setPaintDevice(&writer);
        text.setPageSize(page);
        text.setHtml(html(doc));
        QPainter painter(&writer);
        for (int i = 0; i < text.pageCount(); ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -i * page.height());
            text.drawContents(&painter, QRectF(0, i * page.height(), page.width(), page.height()));
            painter.restore();
        }
        if (!doc.time.isEmpty()) {
            writer.newPage();
            paintTimeDetail(painter, writer, doc, page);
        }
        painter.end();
    }
    buffer.close();
    return out;
}

} // namespace keel
