import Foundation

/// A story's `setbacks` (what did not work, what was learned): each part present and short.
extension Validator {
    func validateSetbacks(_ setbacks: [Setback]?) {
        for setback in setbacks ?? [] {
            for (key, text) in [("what", setback.what), ("learned", setback.learned)] where !text.isPlaceholder {
                let length = text.value.trimmingCharacters(in: .whitespacesAndNewlines).count
                if length == 0 {
                    log.error("setbacks: \(key) must not be empty", at: text.location)
                } else if length > Setback.maxCharacters {
                    log.error("setbacks: \(key) is \(length) characters; keep each item to \(Setback.maxCharacters) or fewer (the story's body can tell more)", at: text.location)
                }
            }
        }
    }
}
