#pragma once

// Shared pieces of the demo-firm generators (demo_firm.cpp, demo_sales.cpp): the random number
// generator and the name lists.

#include <QString>

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace keel::demo {

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast and the same on every platform and standard
// library, unlike std:: distributions. The demo firm must come out identical everywhere.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform enough in [0, n) for demo data (multiply-shift, no modulo bias worth noting).
    std::uint32_t below(std::uint32_t n)
    {
        return std::uint32_t(((next() >> 32) * std::uint64_t(n)) >> 32);
    }

    template <typename T> void shuffle(std::vector<T> &v)
    {
        for (std::size_t i = v.size(); i > 1; --i) {
            std::swap(v[i - 1], v[below(std::uint32_t(i))]);
        }
    }

private:
    std::uint64_t m_state;
};

inline constexpr std::uint64_t DemoSeed = 0x4B45454C2D444D4FULL; // "KEEL-DMO"

inline constexpr std::array EnglishFirstNames = {
    "James",   "Mary",      "Robert",  "Patricia", "John",    "Jennifer", "Michael", "Linda",
    "David",   "Elizabeth", "William", "Barbara",  "Richard", "Susan",    "Joseph",  "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Daniel",  "Emily",    "Matthew", "Nancy",
    "Anthony", "Lisa",      "Mark",    "Margaret", "Steven",  "Sandra",   "Andrew",  "Ashley",
    "Joshua",  "Kimberly",  "Kevin",   "Donna",    "Brian",   "Michelle", "George",  "Laura",
    "Oliver",  "Amelia",    "Harry",   "Isla",     "Jack",    "Ava",      "Noah",    "Grace",
    "Priya",   "Arjun",     "Mei",     "Wei",      "Aisha",   "Omar",     "Sofia",   "Luis",
    "Chloe",   "Ethan",     "Zoe",     "Ryan",     "Fatima",  "Kwame",    "Niamh",   "Connor",
};

inline constexpr std::array EnglishLastNames = {
    "Smith",    "Johnson",  "Williams", "Brown",   "Jones",   "Garcia",   "Miller", "Davis",
    "Wilson",   "Anderson", "Taylor",   "Thomas",  "Moore",   "Jackson",  "Martin", "Lee",
    "Thompson", "White",    "Harris",   "Clark",   "Lewis",   "Robinson", "Walker", "Young",
    "Allen",    "King",     "Wright",   "Scott",   "Green",   "Baker",    "Adams",  "Nelson",
    "Hill",     "Campbell", "Mitchell", "Roberts", "Carter",  "Phillips", "Evans",  "Turner",
    "Patel",    "Khan",     "Singh",    "Chen",    "Nguyen",  "Kim",      "Okafor", "Mensah",
    "Murphy",   "Kelly",    "Walsh",    "Hughes",  "Edwards", "Price",    "Morgan", "Bennett",
    "Fraser",   "Stewart",  "Reid",     "Hall",    "Wood",    "Cooper",   "Ward",   "Foster",
};

inline constexpr std::array GermanFirstNames = {
    "Lukas",  "Anna",   "Jonas",     "Lena",   "Felix",   "Laura",     "Maximilian", "Sophie",
    "Paul",   "Marie",  "Leon",      "Hannah", "Tobias",  "Julia",     "Florian",    "Katharina",
    "Jürgen", "Sabine", "Stefan",    "Petra",  "Andreas", "Claudia",   "Matthias",   "Birgit",
    "Jörg",   "Ute",    "Sebastian", "Lea",    "Niklas",  "Mia",       "Björn",      "Käthe",
    "Emre",   "Ayşe",   "Mehmet",    "Elif",   "Dariusz", "Agnieszka", "Ivan",       "Jelena",
};

inline constexpr std::array GermanLastNames = {
    "Müller",   "Schmidt",  "Schneider", "Fischer",    "Weber",   "Meyer",   "Wagner",  "Becker",
    "Schulz",   "Hoffmann", "Schäfer",   "Koch",       "Bauer",   "Richter", "Klein",   "Wolf",
    "Schröder", "Neumann",  "Schwarz",   "Zimmermann", "Braun",   "Krüger",  "Hofmann", "Hartmann",
    "Lange",    "Schmitt",  "Werner",    "Krause",     "Meier",   "Lehmann", "Köhler",  "Groß",
    "Yılmaz",   "Kaya",     "Nowak",     "Kowalski",   "Popović", "Jansen",  "Vogel",   "Fuchs",
};

// Usernames allow [A-Za-z0-9._-] only: fold umlauts and friends, drop anything else.
QString asciiFold(const QString &s);

} // namespace keel::demo
