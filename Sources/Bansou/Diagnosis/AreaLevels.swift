extension OrderedMap where Value == AreaAssessment {
    /// The assessed level per area id. Only levels 1–4 count (the validator reports any
    /// other as an error); every stage of the diagnosis reads the levels through this.
    var levels: [String: Int] {
        var result: [String: Int] = [:]
        for entry in entries where (1...4).contains(entry.value.level.value) { result[entry.key.value] = entry.value.level.value }
        return result
    }
}
