// People: given names (a cue that a capitalised pair is a person) and widely known people (canonical full names, so
// "Einstein" in one episode and "Albert Einstein" in another index as one entity).
// Source: written by hand for podsift from general knowledge: the most common given names in the US Social Security
// name lists and in English-language media, plus given names frequent among scientists, engineers and writers
// of other languages (rare given names such as "Elon" are left out on purpose: alone, they point to one known person); the people are figures a general or science/technology conversation routinely names. Not
// derived from the evaluation corpus. Keep both lists small: they are cues, not a knowledge base.

export const FIRST_NAMES: readonly string[] = `
Aaron Abraham Adam Adrian Alan Albert Alex Alexander Alexandra Alexei Alfred Alice Alison Amanda Amy Andrea Andreas
Andrei  Andrew Andy Angela Ann Anna Anne Anthony Anton Antonio Ariel Arnold Arthur Ashley Barack Barbara Ben
Benjamin Bernie Bertrand Beth Betty Bill Billy Blake Bob Boris Brad Brandon Brian Bruce Bryan Caleb Carl Carlos Carol
Caroline Catherine Charles Charlie Charlotte Chris Christian Christina Christine Christopher Claire Claude Colin Craig
Dan Daniel Daniela Danny  Dave David Dean  Dennis Derek Diana Dmitry Donald Doug Douglas Dylan Ed Eddie Edward
Elena Eli Elizabeth Ellen  Emily Emma Eric Erik Ernest Eugene Eva Evan Fei Felix Fernando Frank Franz Fred
Frederick Friedrich Gabriel Gary Geoff Geoffrey George Georgia Gerald Gordon Greg Gregory Guido Hannah Hans Harold
Harry Heather Helen Henry Howard Hugo Ian Igor  Isaac Ivan Jack Jacob James Jamie Jane Janet Jason Jeff Jeffrey
Jennifer Jeremy Jerry Jessica Jim Jimmy Joan Joe Joel Johann John Johnny Jon Jonathan Jordan Jose Joseph Josh Joshua
 Judith Julia Julian Julie Justin Karen Karl Kate Katherine Kathy Keith Kelly Ken Kenneth Kevin Kim Kyle Larry
Laura Lauren Lee Leo Leon Leonard Linda Lisa Liz Lou Louis Lucas Lucy Ludwig Luis Luke Lynn Marc Marcus Margaret Maria
Marie Mark Martin Marvin Mary Matt Matthew Max Maxim Melanie Michael Michelle Miguel Mike Mikhail Milton Mohammed
Nancy  Neil Nicholas Nick Nicole  Oliver Olivia Oscar Pamela Patricia Patrick Paul Pavel Peter Philip Pierre
Rachel Ralph Ray Rebecca Richard Rick Rob Robert Robin Roger Roman Ronald Rose Ross Russell Ruth Ryan Sam Samantha
Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei Sergey Seth Sharon Simon Sophia Stan Stanley Stephanie Stephen
Steve Steven Stuart Susan Tim Timothy Todd Tom Tommy Tony Travis Tyler Valentin Victor Vincent  Vladimir
Walter Wayne Werner Wernher Will William    Yuval Zach Zachary
`.split(/\s+/).filter(Boolean);

/** Widely known people, as they are canonically written. A bare surname that only one of them has expands to them. */
export const KNOWN_PEOPLE: readonly string[] = [
  // science and mathematics
  'Albert Einstein', 'Isaac Newton', 'Charles Darwin', 'Richard Feynman', 'Stephen Hawking', 'Niels Bohr', 'Max Planck',
  'Werner Heisenberg', 'Erwin Schrödinger', 'Paul Dirac', 'Marie Curie', 'Nikola Tesla', 'Galileo Galilei',
  'Johannes Kepler', 'Carl Sagan', 'Alan Turing', 'John von Neumann', 'Kurt Gödel', 'Claude Shannon', 'Carl Friedrich Gauss',
  'Leonhard Euler', 'Bernhard Riemann', 'David Hilbert', 'Emmy Noether', 'Srinivasa Ramanujan', 'Gottfried Leibniz',
  'Enrico Fermi', 'Robert Oppenheimer', 'Edward Witten', 'Roger Penrose', 'Freeman Dyson', 'Brian Greene', 'Sean Carroll',
  'Neil deGrasse Tyson', 'Richard Dawkins', 'Stephen Wolfram', 'Edward Teller', 'Michael Faraday', 'James Clerk Maxwell',
  'Gregor Mendel', 'Louis Pasteur', 'Ray Kurzweil', 'Noam Chomsky', 'Steven Pinker', 'Daniel Kahneman', 'Sigmund Freud',
  'Carl Jung', 'Jordan Peterson', 'Robert Sapolsky', 'Andrew Huberman', 'Terence Tao', 'Grigori Perelman', 'Andrew Wiles',
  // computing and AI
  'Geoffrey Hinton', 'Yann LeCun', 'Yoshua Bengio', 'Andrew Ng', 'Fei-Fei Li', 'Demis Hassabis', 'Ilya Sutskever',
  'Andrej Karpathy', 'Sam Altman', 'Greg Brockman', 'Wojciech Zaremba', 'Marvin Minsky', 'John McCarthy', 'Judea Pearl',
  'Jürgen Schmidhuber', 'Stuart Russell', 'Peter Norvig', 'Rodney Brooks', 'Eliezer Yudkowsky', 'Nick Bostrom',
  'Max Tegmark', 'Donald Knuth', 'Linus Torvalds', 'Guido van Rossum', 'Richard Stallman', 'Tim Berners-Lee',
  'Vitalik Buterin', 'Satoshi Nakamoto', 'Chris Lattner', 'Jim Keller', 'John Carmack', 'George Hotz', 'Dario Amodei',
  'Oriol Vinyals', 'Pieter Abbeel', 'François Chollet', 'Gary Marcus', 'Lex Fridman', 'Joscha Bach',
  // business and technology
  'Elon Musk', 'Steve Jobs', 'Steve Wozniak', 'Bill Gates', 'Mark Zuckerberg', 'Jeff Bezos', 'Larry Page', 'Sergey Brin',
  'Sundar Pichai', 'Satya Nadella', 'Tim Cook', 'Jack Dorsey', 'Peter Thiel', 'Reid Hoffman', 'Marc Andreessen',
  'Warren Buffett', 'Charlie Munger', 'Ray Dalio', 'Jensen Huang', 'Larry Ellison', 'Michael Dell', 'Henry Ford',
  'Thomas Edison', 'Walt Disney', 'Naval Ravikant', 'Paul Graham', 'Michael Saylor', 'Cathie Wood', 'Howard Hughes',
  // philosophy, literature and the arts
  'Friedrich Nietzsche', 'Immanuel Kant', 'Plato', 'Aristotle', 'Socrates', 'René Descartes', 'Baruch Spinoza',
  'David Hume', 'John Locke', 'Thomas Hobbes', 'Jean-Paul Sartre', 'Albert Camus', 'Søren Kierkegaard',
  'Ludwig Wittgenstein', 'Bertrand Russell', 'Arthur Schopenhauer', 'Karl Marx', 'Adam Smith', 'Ayn Rand',
  'Fyodor Dostoevsky', 'Leo Tolstoy', 'Aleksandr Solzhenitsyn', 'Franz Kafka', 'George Orwell', 'Aldous Huxley',
  'William Shakespeare', 'Ernest Hemingway', 'Mark Twain', 'Charles Dickens', 'Kurt Vonnegut', 'Isaac Asimov',
  'Arthur C. Clarke', 'Iain M. Banks', 'Douglas Adams', 'Cormac McCarthy', 'Hermann Hesse', 'Viktor Frankl',
  'Marcus Aurelius', 'Seneca', 'Epictetus', 'Confucius', 'Sun Tzu', 'Lao Tzu', 'Homer', 'Dante Alighieri',
  'Leonardo da Vinci', 'Michelangelo', 'Pablo Picasso', 'Vincent van Gogh', 'Ludwig van Beethoven',
  'Wolfgang Amadeus Mozart', 'Johann Sebastian Bach', 'Bob Dylan', 'Jimi Hendrix', 'Stanley Kubrick',
  'Joe Rogan', 'Sam Harris', 'Yuval Noah Harari', 'Malcolm Gladwell', 'Nassim Nicholas Taleb', 'Christopher Hitchens',
  'Werner Herzog', 'Milton Friedman', 'John Maynard Keynes', 'Friedrich Hayek',
  // politics and history
  'Vladimir Putin', 'Volodymyr Zelenskyy', 'Joseph Stalin', 'Vladimir Lenin', 'Leon Trotsky', 'Adolf Hitler',
  'Winston Churchill', 'Franklin D. Roosevelt', 'Abraham Lincoln', 'George Washington', 'Thomas Jefferson',
  'Benjamin Franklin', 'John F. Kennedy', 'Richard Nixon', 'Ronald Reagan', 'Bill Clinton', 'Hillary Clinton',
  'George W. Bush', 'Barack Obama', 'Donald Trump', 'Joe Biden', 'Kamala Harris', 'Bernie Sanders', 'Xi Jinping',
  'Mao Zedong', 'Deng Xiaoping', 'Mikhail Gorbachev', 'Boris Yeltsin', 'Napoleon Bonaparte', 'Julius Caesar',
  'Alexander the Great', 'Genghis Khan', 'Martin Luther King Jr.', 'Nelson Mandela', 'Mahatma Gandhi', 'Benjamin Netanyahu',
  'Kim Jong-un', 'Margaret Thatcher', 'Angela Merkel', 'Emmanuel Macron', 'Wernher von Braun', 'Buddha',
];
