/// A client's address as people write it again (issue 9: "addresses from the city on"):
///
/// - the place from the city on, without the prefecture (愛知県豊田市見本町1-2-3 →
///   豊田市見本町1-2-3), from the town on without the county (…郡設楽町田口1-2 → 設楽町田口1-2),
///   and from the ward on without its designated city (名古屋市港区見本町8-9-10 → 港区見本町8-9-10);
/// - the block numbers in each common notation: 1-2-3, 1ー2ー3, 1丁目2-3, 1丁目2番3(号),
///   1丁目2番地3, 1丁目2番地の3, with 丁目 in kanji numerals too (一丁目2番3号);
/// - only up to the numbers, so a building name or floor after them does not matter.
///
/// Never shorter than the place from the city (or town, or ward) on plus two numbers: a town
/// name and one number alone (見本町1) would name a whole district. The forms are written
/// out, not normalized; `IdentifyingTerms` normalizes each like every term.
enum AddressVariants {
    static func variants(of address: String) -> [String] {
        let normalized = TextNormalizer.normalize(address)
        guard let parsed = parse(normalized), parsed.numbers.count >= 2 else { return [] }
        var result: [String] = []
        for place in places(parsed.place) {
            for numbers in notations(parsed.numbers) { result.append(place + numbers) }
        }
        return result
    }

    // MARK: Places

    /// The 47 prefectures, as addresses begin. A table, not "up to the first 都道府県":
    /// 京都府 has 都 inside its name.
    static let prefectures: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// An address without its prefecture, or nil when it does not begin with one.
    static func removingPrefecture(_ address: String) -> String? {
        guard let prefecture = prefectures.first(where: { address.hasPrefix($0) }) else { return nil }
        return String(address.dropFirst(prefecture.count))
    }

    /// The place as written, without the prefecture, without the county (郡), and from the
    /// ward of a designated city (…市…区) on.
    static func places(_ place: String) -> [String] {
        var result = [place]
        let city = removingPrefecture(place) ?? place
        result.append(city)
        // 北設楽郡設楽町田口: the county is at most a few characters, then a town or village.
        if let county = city.firstIndex(of: "郡"), city.distance(from: city.startIndex, to: county) <= 5 {
            let town = city[city.index(after: county)...]
            if town.contains(where: { $0 == "町" || $0 == "村" }) { result.append(String(town)) }
        }
        // 名古屋市港区見本町: a ward of one to four characters right after the city.
        if let cityEnd = city.firstIndex(of: "市"), city.distance(from: city.startIndex, to: cityEnd) >= 1 {
            let afterCity = city[city.index(after: cityEnd)...]
            if let ward = afterCity.prefix(5).firstIndex(of: "区"), afterCity.distance(from: afterCity.startIndex, to: ward) >= 1,
               afterCity.index(after: ward) < afterCity.endIndex {
                result.append(String(afterCity))
            }
        }
        var seen = Set<String>()
        return result.filter { $0.count >= 2 && seen.insert($0).inserted }
    }

    // MARK: Numbers

    /// 1-2-3 → 1ー2ー3, 1丁目2-3, 1丁目2番3, 1丁目2番地3, 1丁目2番地の3, 一丁目2-3 …; the
    /// shorter forms also match the longer (1丁目2番3 is in 1丁目2番3号).
    static func notations(_ numbers: [Int]) -> [String] {
        let a = String(numbers[0]), b = String(numbers[1])
        let chome = [a] + (kanji(numbers[0]).map { [$0] } ?? [])
        var forms: [String] = []
        if numbers.count >= 3 {
            let c = String(numbers[2])
            forms += ["\(a)-\(b)-\(c)", "\(a)ー\(b)ー\(c)"]
            for k in chome { forms += ["\(k)丁目\(b)-\(c)", "\(k)丁目\(b)番\(c)", "\(k)丁目\(b)番地\(c)", "\(k)丁目\(b)番地の\(c)"] }
        } else {
            forms += ["\(a)-\(b)", "\(a)ー\(b)", "\(a)番\(b)", "\(a)番地\(b)", "\(a)番地の\(b)"]
            for k in chome { forms.append("\(k)丁目\(b)") }
        }
        return forms
    }

    /// 1 … 99 in kanji numerals, as 丁目 are often written (二十一丁目).
    static func kanji(_ n: Int) -> String? {
        guard (1...99).contains(n) else { return nil }
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let tens = n / 10, ones = n % 10
        return (tens == 0 ? "" : (tens == 1 ? "" : digits[tens]) + "十") + digits[ones]
    }

    static func number(kanji: Substring) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var value = 0, current = 0
        for character in kanji {
            if character == "十" {
                value += (current == 0 ? 1 : current) * 10; current = 0
            } else if let digit = digits[character] {
                current = digit
            } else {
                return nil
            }
        }
        let total = value + current
        return total > 0 ? total : nil
    }

    // MARK: Parsing

    /// Splits a normalized address into the place before its block numbers and up to three
    /// of those numbers (1-2-3, 1丁目2番3号, 1丁目2番地の3, 一丁目2-3); nil without numbers.
    static func parse(_ address: String) -> (place: String, numbers: [Int])? {
        let characters = Array(address)
        guard let start = numbersStart(characters) else { return nil }
        var numbers: [Int] = []
        var i = start
        let separators = ["番地の", "丁目", "番地", "番", "号", "の", "-", "ー"]
        while i < characters.count, numbers.count < 3 {
            var j = i
            while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
            if j > i {
                numbers.append(Int(String(characters[i..<j])) ?? 0)
            } else {
                while j < characters.count, "一二三四五六七八九十".contains(characters[j]) { j += 1 }
                guard j > i, String(characters[j...]).hasPrefix("丁目"), let value = number(kanji: Substring(String(characters[i..<j]))) else { break }
                numbers.append(value)
            }
            i = j
            guard let separator = separators.first(where: { String(characters[i...]).hasPrefix($0) }) else { break }
            i += separator.count
        }
        let place = String(characters[..<start])
        return place.isEmpty || numbers.isEmpty ? nil : (place, numbers)
    }

    /// Where the block numbers begin: the first ASCII digit, or kanji numerals right before
    /// 丁目 (四日市 is a name, 四丁目 a number).
    static func numbersStart(_ characters: [Character]) -> Int? {
        for i in characters.indices {
            if characters[i].isASCII, characters[i].isNumber { return i }
            if "一二三四五六七八九十".contains(characters[i]) {
                var j = i
                while j < characters.count, "一二三四五六七八九十".contains(characters[j]) { j += 1 }
                if j + 1 < characters.count, characters[j] == "丁", characters[j + 1] == "目" { return i }
            }
        }
        return nil
    }
}
