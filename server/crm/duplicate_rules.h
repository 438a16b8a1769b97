#pragma once

#include <QString>

namespace keel::crm {

// How two accounts are recognised as the same client.
//
// Name: lower case, punctuation removed, whitespace collapsed and trailing legal-form suffixes
// (Inc, Ltd, GmbH, LLC, plc, AG, ...) stripped: "ACME, Inc." and "Acme Ltd" are both "acme".
// A name that is nothing but a suffix keeps it ("AG" stays "ag").
QString normaliseAccountName(const QString &name);

// Web domain: lower case, without scheme, "www.", port, path or trailing dot:
// "https://WWW.Acme.com/about" is "acme.com". Empty for empty input.
QString normaliseDomain(const QString &domain);
// Whether a normalised domain looks like a host name with at least one dot.
bool isValidDomain(const QString &normalisedDomain);

} // namespace keel::crm

#include <QJsonArray>

#include <exception>

namespace keel::crm {

// Thrown when a new account looks like existing ones and the request did not confirm it; the
// routes answer 409 with {"candidates":[{id, name, domain, legal_entity, match}]} in the problem
// document. Nothing has been written (the transaction rolls back as the exception unwinds).
class DuplicateAccountsFound : public std::exception
{
public:
    explicit DuplicateAccountsFound(QJsonArray candidates) : m_candidates(std::move(candidates)) {}
    const char *what() const noexcept override { return "possible duplicate account"; }
    const QJsonArray &candidates() const { return m_candidates; }

private:
    QJsonArray m_candidates;
};

} // namespace keel::crm
